"""Staff screens in the Wagtail admin: form, detail actions, list filters, export, panels."""

import datetime as dt

import pytest
from django.urls import reverse

from prongsai.publishing import services
from prongsai.publishing.dailychecks import overdue_publication, unconfirmed_verbal
from prongsai.publishing.models import PublishRequest, Status, Urgency, VerbalApproval

from .conftest import fake_pdf_upload, request_data

pytestmark = pytest.mark.django_db


def form_post(information_class, **overrides):
    data = request_data(information_class, **overrides)
    data["information_class"] = information_class.pk
    data["info_period_start"] = "2026-05-01"
    data["urgency"] = overrides.get("urgency", "normal")
    return data


def test_r21_data_owner_files_a_request_through_the_admin_form(client, people, classes):
    client.force_login(people["owner"])
    response = client.post(reverse("publishing_admin:create"), form_post(classes["general"]))
    request = PublishRequest.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "publishing_admin:detail", args=[request.pk]
    )
    assert request.requester == people["owner"] and request.status == Status.PENDING


def test_r21_form_refuses_a_disguised_file_and_an_empty_title_in_thai(client, people, classes):
    client.force_login(people["owner"])
    data = form_post(classes["general"])
    data["attachments"] = fake_pdf_upload()
    response = client.post(reverse("publishing_admin:create"), data)
    assert response.status_code == 200
    assert "ไม่ตรงกับนามสกุล .pdf" in response.content.decode()
    response = client.post(
        reverse("publishing_admin:create"), form_post(classes["general"], title="")
    )
    assert response.status_code == 200 and "title" in response.context["form"].errors
    assert not PublishRequest.objects.exists()


def test_r24_approver_sees_the_decision_form_the_owner_does_not(client, people, classes):
    request = services.request_submit(people["owner"], data=request_data(classes["general"]))
    client.force_login(people["owner"])
    page = client.get(reverse("publishing_admin:detail", args=[request.pk])).content.decode()
    assert "บันทึกผลการพิจารณา" not in page
    client.force_login(people["approver"])
    page = client.get(reverse("publishing_admin:detail", args=[request.pk])).content.decode()
    assert "บันทึกผลการพิจารณา" in page


def test_r24_reject_without_reason_shows_thai_message_and_changes_nothing(client, people, classes):
    request = services.request_submit(people["owner"], data=request_data(classes["general"]))
    client.force_login(people["approver"])
    response = client.post(
        reverse("publishing_admin:decide", args=[request.pk]),
        {"decision": "reject", "reason": ""},
        follow=True,
    )
    assert "กรุณาระบุเหตุผลที่ไม่อนุมัติ" in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.PENDING


def test_r26_list_filters_by_status_and_exports_xlsx(client, people, classes):
    first = services.request_submit(people["owner"], data=request_data(classes["general"]))
    services.request_submit(people["owner"], data=request_data(classes["exempt"], title="งานประจำ"))
    client.force_login(people["webmaster"])
    response = client.get(reverse("publishing_admin:list"), {"status": "pending"})
    assert list(response.context["page_obj"]) == [first]
    export = client.get(reverse("publishing_admin:export"), {"status": "approved"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = client.get(reverse("publishing_admin:pdf", args=[first.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_r21_other_units_data_owner_cannot_open_a_request(client, people, classes):
    from prongsai.accounts.tests.factories import UnitFactory

    request = services.request_submit(people["owner"], data=request_data(classes["general"]))
    stranger = people["other_owner"]
    stranger.unit = UnitFactory(code="elsewhere")
    stranger.save()
    client.force_login(stranger)
    assert client.get(reverse("publishing_admin:detail", args=[request.pk])).status_code == 404


def test_r25_overdue_requests_and_old_verbal_approvals_on_dashboard_and_daily_check(
    client, people, classes, news_index
):
    overdue = services.request_submit(
        people["owner"], data=request_data(classes["exempt"], title="ค้างเผยแพร่")
    )
    PublishRequest.objects.filter(pk=overdue.pk).update(due_date=dt.date(2026, 1, 5))
    urgent = services.request_submit(
        people["owner"], data=request_data(classes["general"], urgency=Urgency.URGENT)
    )
    services.verbal_approval_record(
        people["publisher"],
        urgent,
        approver=people["approver"],
        approved_at=dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC),
        method="in-person",
        urgency_reason="ด่วนมาก",
        files_checked=True,
        category_checked=True,
    )
    VerbalApproval.objects.update(recorded_at=dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC))
    today = dt.date(2026, 1, 9)  # Friday: 4 working days after Monday 5 January
    assert [f.summary for f in overdue_publication(today=today)] == [f"{overdue.number} ค้างเผยแพร่"]
    assert len(unconfirmed_verbal(today=today)) == 1
    assert unconfirmed_verbal(today=dt.date(2026, 1, 7)) == []  # only 2 working days old
    client.force_login(people["webmaster"])
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "คำขอที่เผยแพร่เกินกำหนด" in home and "ค้างเผยแพร่" in home
    assert "การอนุมัติด้วยวาจาที่ยังไม่ได้รับการยืนยัน" in home
