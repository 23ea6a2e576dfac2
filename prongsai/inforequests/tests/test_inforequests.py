"""R16: a citizen asks for official information (OIA s.11), gets a reference number and a
tracking link, and the agency records its decision with the reason and the right to appeal."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry, Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.inforequests import services
from prongsai.inforequests.models import InfoRequest

pytestmark = pytest.mark.django_db
BKK = dt.timezone(dt.timedelta(hours=7))

FORM = {
    "subject": "สัญญาจัดซื้อเครื่องเอกซเรย์ 'ดิจิทัล' ปีงบประมาณ 2569 & ใบส่งมอบ",
    "details": "ขอสำเนาสัญญาและใบส่งมอบงาน",
    "preferred_format": "electronic",
    "requester_name": "สมชาย ใจดี",
    "requester_email": "somchai@example.com",
    "requester_phone": "",
    "requester_address": "",
    "consent": "on",
}


@pytest.fixture
def webmaster(db):
    user = UserFactory(username="webmaster", email="web@example.go.th")
    give_role(user, Role.WEBMASTER)
    return user


@pytest.fixture
def agency_site(home_page):
    Site.objects.filter(is_default_site=True).update(hostname="www.agency.go.th", port=443)
    return home_page


def _ask(client, **changes):
    return client.post("/information-requests/", {**FORM, **changes})


@time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=BKK), tick=False)
def test_r16_citizen_gets_reference_tracking_page_and_email(
    client, agency_site, webmaster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(client)
    assert response.status_code == 302
    info_request = InfoRequest.objects.get()
    assert info_request.reference == "IR2570-00001"  # fiscal year 2570 began on 1 October 2569
    assert info_request.due_date == dt.date(2026, 12, 16)
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "IR2570-00001" in html
    assert "16 ธันวาคม 2569" in html and "รับคำขอแล้ว" in html
    assert "no-store" in page["Cache-Control"]
    to_requester = next(m for m in mail.outbox if m.to == ["somchai@example.com"])
    link = re.search(r"https://www\.agency\.go\.th/information-requests/\S+", to_requester.body)
    assert link and link.group(0).endswith(response["Location"])
    assert any(m.to == ["web@example.go.th"] for m in mail.outbox)
    assert ModelLogEntry.objects.filter(action="prongsai.inforequest.submit").count() == 1


def test_r16_guessed_or_wrong_tracking_link_is_404_without_telling(client, agency_site):
    location = _ask(client)["Location"]
    reference = InfoRequest.objects.get().reference
    wrong_token = client.get(f"/information-requests/{reference}/guess/")
    no_such = client.get("/information-requests/IR2570-99999/guess/")
    assert wrong_token.status_code == no_such.status_code == 404
    # The same page either way, but for the address itself (echoed in the language form).
    assert wrong_token.content.decode().replace(reference, "X") == no_such.content.decode().replace(
        "IR2570-99999", "X"
    )
    assert client.get(location).status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"requester_email": "", "requester_phone": "", "requester_address": ""}, "ช่องทางติดต่อ"),
        ({"subject": "<script>alert(1)</script>"}, "ไม่อนุญาตให้ใส่โค้ด HTML"),
        ({"subject": ""}, "กรุณากรอกข้อมูลช่องนี้"),
        ({"consent": ""}, "กรุณาให้ความยินยอม"),
        ({"subject": "ก" * 201}, "ยาวเกินไป"),
    ],
)
def test_r16_bad_request_is_refused_in_thai_and_nothing_stored(
    client, agency_site, changes, message
):
    response = _ask(client, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not InfoRequest.objects.exists()
    assert not mail.outbox


def test_r16_refusal_needs_a_reason_and_tells_the_right_to_appeal(
    client, agency_site, webmaster, django_capture_on_commit_callbacks
):
    location = _ask(client)["Location"]
    info_request = InfoRequest.objects.get()
    mail.outbox.clear()
    with pytest.raises(ValidationError, match="ต้องระบุเหตุผล"):
        services.record_decision(info_request, webmaster, status="refused", reason="  ")
    info_request.refresh_from_db()
    assert info_request.status == InfoRequest.Status.RECEIVED

    with django_capture_on_commit_callbacks(execute=True):
        services.record_decision(
            info_request, webmaster, status="refused", reason="มาตรา 15 (5) เป็นข้อมูลข่าวสารส่วนบุคคล"
        )
    page = client.get(location).content.decode()
    assert "ไม่เปิดเผยข้อมูล" in page and "มาตรา 15 (5)" in page and "สิทธิอุทธรณ์" in page
    (notice,) = mail.outbox
    assert "อุทธรณ์" in notice.body and "มาตรา 18" in notice.body
    # Plain-text e-mail: the requester's words as typed, not HTML-escaped.
    assert f"“{FORM['subject']}”" in notice.body
    with pytest.raises(ValidationError, match="แจ้งผลไปแล้ว"):
        services.record_decision(info_request, webmaster, status="provided", reason="")
    assert ModelLogEntry.objects.filter(action="prongsai.inforequest.decide").count() == 1


def test_r16_only_handlers_decide(client, agency_site):
    _ask(client)
    info_request = InfoRequest.objects.get()
    data_owner = UserFactory(username="owner")
    give_role(data_owner, Role.DATA_OWNER)
    with pytest.raises(PermissionDenied):
        services.record_decision(info_request, data_owner, status="provided", reason="")
    client.force_login(data_owner)
    assert client.get(f"/admin/information-requests/{info_request.pk}/").status_code in (302, 403)


def test_r16_handler_decides_from_the_admin(client, agency_site, webmaster):
    _ask(client)
    info_request = InfoRequest.objects.get()
    client.force_login(webmaster)
    queue = client.get("/admin/information-requests/")
    assert queue.status_code == 200 and info_request.reference in queue.content.decode()
    url = f"/admin/information-requests/{info_request.pk}/"
    refused = client.post(url, {"status": "refused", "reason": ""})
    assert refused.status_code == 400 and "ต้องระบุเหตุผล" in refused.content.decode()
    assert client.post(url, {"status": "provided", "reason": ""}).status_code == 302
    info_request.refresh_from_db()
    assert info_request.status == "provided" and info_request.decided_by == webmaster


def test_r16_r32_overdue_request_is_on_the_daily_check(client, agency_site):
    from prongsai.inforequests.dailychecks import overdue_info_requests

    _ask(client)
    info_request = InfoRequest.objects.get()
    assert overdue_info_requests(today=info_request.due_date) == []
    (finding,) = overdue_info_requests(today=info_request.due_date + dt.timedelta(days=1))
    assert info_request.reference in finding.summary


def test_r16_demo_has_the_e_service_and_a_refused_request_with_its_reason(client, demo_database):
    import io

    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())  # safe to run again
    assert InfoRequest.objects.count() == 2
    refused = InfoRequest.objects.get(status=InfoRequest.Status.REFUSED)
    page = client.get(f"/information-requests/{refused.reference}/{refused.tracking_token}/")
    assert "มาตรา 15 (5)" in page.content.decode()
    service = client.get("/e-services/information-requests/")
    assert (
        service.status_code == 200 and 'href="/information-requests/"' in service.content.decode()
    )


@time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=BKK), tick=False)
def test_r16_reference_numbers_never_repeat_after_a_deletion(agency_site):
    def submit():
        return services.submit_info_request(
            requester_name="ก", subject="ข", requester_phone="0811112222"
        )

    for _ in range(3):
        submit()
    InfoRequest.objects.get(reference="IR2570-00002").delete()
    submit()
    assert InfoRequest.objects.order_by("reference").last().reference == "IR2570-00004"


@time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=BKK), tick=False)
def test_r16_the_due_date_follows_the_sites_policy_not_a_constant(agency_site):
    from prongsai.policy.selectors import policy_for
    from prongsai.policy.services import update_policy

    update_policy(policy_for(), None, info_request_response_days=7)
    info_request = services.submit_info_request(
        requester_name="สมหญิง ใจงาม", subject="รายงานการประชุม", requester_phone="081 234 5678"
    )
    assert info_request.due_date == dt.date(2026, 12, 8)
