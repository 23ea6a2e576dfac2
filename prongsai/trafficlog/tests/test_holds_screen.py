"""R40/R43: the coordinator records and ends holds (orders to keep data longer); nobody else."""

import pytest
import time_machine
from wagtail.models import ModelLogEntry

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog import accessaudit
from prongsai.trafficlog.models import Hold, TrafficAccess

URL = "/staff/traffic-data/holds/"
ORDER = {
    "order_reference": "ดศ 0205/2569",
    "reason": "พนักงานเจ้าหน้าที่สั่งให้เก็บรักษาข้อมูลจราจรเพื่อการสอบสวน",
    "range_start": "2026-01-01T00:00",
    "range_end": "2026-01-31T23:59",
    "keep_until": "2026-12-31",
}
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_first_of_march_2569():
    with time_machine.travel("2026-03-01 10:00 +0700", tick=False):
        yield


@pytest.fixture
def coordinator():
    return give_role(UserFactory(username="coordinator"), Role.TRAFFIC_COORDINATOR)


@pytest.fixture
def signed_in(client, coordinator):
    login_with_otp(client, coordinator)
    return client


def test_r40_coordinator_records_a_hold_and_it_is_listed_logged_and_chained(signed_in, coordinator):
    response = signed_in.post(URL, ORDER)
    assert response.status_code == 302
    hold = Hold.objects.get()
    assert hold.created_by == coordinator and hold.order_reference == "ดศ 0205/2569"
    assert hold.is_active
    page = signed_in.get(URL).content.decode()
    assert "ดศ 0205/2569" in page and "31 ธ.ค. 2569" in page and "มีผล" in page
    assert ModelLogEntry.objects.filter(action="prongsai.traffic.hold.create").count() == 1
    assert accessaudit.read_entries().holds[hold.pk]["order_reference"] == "ดศ 0205/2569"


def test_coordinator_ends_a_hold_with_a_reason_and_the_row_stays(signed_in, coordinator):
    signed_in.post(URL, ORDER)
    hold = Hold.objects.get()
    response = signed_in.post(f"{URL}{hold.pk}/end/", {"end_note": "หนังสือเพิกถอน ดศ 0300/2569"})
    assert response.status_code == 302
    hold.refresh_from_db()
    assert hold.ended_at and hold.ended_by == coordinator and not hold.is_active
    assert "ยกเลิกแล้ว" in signed_in.get(URL).content.decode()
    assert ModelLogEntry.objects.filter(action="prongsai.traffic.hold.end").count() == 1
    assert accessaudit.verify_access_audit().ok


def test_ending_without_a_reason_is_refused_in_thai_and_changes_nothing(signed_in):
    signed_in.post(URL, ORDER)
    hold = Hold.objects.get()
    response = signed_in.post(f"{URL}{hold.pk}/end/", {"end_note": "  "}, follow=True)
    assert "กรุณาระบุเหตุผลที่ยกเลิกคำสั่ง" in response.content.decode()
    hold.refresh_from_db()
    assert hold.ended_at is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"range_start": "2026-02-01T00:00"}, "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่มต้น"),
        ({"reason": "   "}, "กรุณาระบุเหตุผลหรือสาระของคำสั่ง"),
        ({"reason": ""}, "กรุณาระบุเหตุผลหรือสาระของคำสั่ง"),
        ({"keep_until": "2026-02-28"}, "วันที่เก็บไว้จนถึงต้องไม่ก่อนวันนี้"),
        ({"range_end": ""}, "กรุณาระบุเวลาสิ้นสุดของข้อมูลที่ต้องเก็บ"),
    ],
)
def test_bad_hold_input_is_refused_in_thai_and_nothing_is_saved(signed_in, change, message):
    response = signed_in.post(URL, {**ORDER, **change})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Hold.objects.exists()
    assert not accessaudit.audit_path().exists() or not accessaudit.read_entries().holds


@pytest.mark.parametrize("who", ["webmaster", "superuser", "anonymous"])
def test_r40_anyone_but_the_coordinator_gets_403_on_holds_and_it_is_recorded(client, who):
    if who == "webmaster":
        user = give_role(UserFactory(username="wm"), Role.WEBMASTER)
        client.force_login(user)
    elif who == "superuser":
        client.force_login(UserFactory(username="root", is_superuser=True))
    assert client.post(URL, ORDER).status_code == 403
    assert not Hold.objects.exists()
    attempt = TrafficAccess.objects.get()
    assert attempt.action == "holds" and attempt.outcome == "denied"


def test_someone_else_cannot_end_a_hold(client, signed_in):
    signed_in.post(URL, ORDER)
    hold = Hold.objects.get()
    client.logout()
    client.force_login(UserFactory(username="wm"))
    assert client.post(f"{URL}{hold.pk}/end/", {"end_note": "ลบ"}).status_code == 403
    hold.refresh_from_db()
    assert hold.ended_at is None


def test_coordinator_without_two_factor_is_told_how_to_verify(client, coordinator, settings):
    settings.TRAFFIC_REQUIRE_2FA = True
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 403
    assert (
        "/admin/accounts/two-factor/?next=%2Fstaff%2Ftraffic-data%2Fholds%2F"
        in response.content.decode()
    )


def test_r40_hold_past_two_years_under_section_26_is_refused_in_thai_and_nothing_is_saved(
    signed_in,
):
    """s.26 lets an official order keep data at most two years from when it was recorded."""
    response = signed_in.post(URL, {**ORDER, "keep_until": "2028-01-02"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "มาตรา 26" in page and "ไม่เกินสองปี" in page
    assert not Hold.objects.exists()
    assert not accessaudit.audit_path().exists() or not accessaudit.read_entries().holds
    # Exactly two years from the oldest data is still an official's order.
    assert signed_in.post(URL, {**ORDER, "keep_until": "2028-01-01"}).status_code == 302


def test_r40_hold_past_two_years_needs_another_stated_legal_basis_and_the_list_shows_it(
    signed_in,
):
    longer = {**ORDER, "keep_until": "2030-12-31", "legal_basis": "court"}
    response = signed_in.post(URL, longer)
    assert response.status_code == 400
    assert "กรุณาระบุคำสั่งหรือบทกฎหมาย" in response.content.decode()
    assert not Hold.objects.exists()
    response = signed_in.post(URL, {**longer, "legal_basis_detail": "คำสั่งศาลอาญา ที่ 123/2569"})
    assert response.status_code == 302
    hold = Hold.objects.get()
    assert hold.legal_basis == "court"
    page = signed_in.get(URL).content.decode()
    assert "คำสั่งศาล" in page and "คำสั่งศาลอาญา ที่ 123/2569" in page
    chained = accessaudit.read_entries().holds[hold.pk]
    assert chained["legal_basis_detail"] == "คำสั่งศาลอาญา ที่ 123/2569"
    assert accessaudit.verify_access_audit().ok


def test_r40_the_hold_rule_holds_in_the_service_not_only_the_form(coordinator):
    from datetime import date, datetime

    from django.core.exceptions import ValidationError

    from prongsai.trafficlog import services
    from prongsai.trafficlog.records import BANGKOK

    with pytest.raises(ValidationError):
        services.create_hold(
            coordinator,
            reason="คำสั่ง",
            range_start=datetime(2026, 1, 1, tzinfo=BANGKOK),
            range_end=datetime(2026, 1, 2, tzinfo=BANGKOK),
            keep_until=date(2029, 1, 1),
        )
    assert not Hold.objects.exists()


@pytest.mark.parametrize("who", ["webmaster", "anonymous"])
def test_r40_a_refusal_is_a_thai_403_page(client, who):
    if who == "webmaster":
        client.force_login(give_role(UserFactory(username="wm"), Role.WEBMASTER))
    for url in (URL, "/staff/traffic-data/"):
        response = client.get(url)
        assert response.status_code == 403
        page = response.content.decode()
        assert '<html lang="th"' in page and "ผู้ประสานงานข้อมูลจราจร" in page
        assert "Forbidden" not in page


def test_r40_the_saved_message_names_the_hold_with_buddhist_era_dates(signed_in):
    page = signed_in.post(URL, ORDER, follow=True).content.decode()
    assert "ดศ 0205/2569 (1 ม.ค. 2569–31 ม.ค. 2569)" in page
    assert "2026-01-01" not in page
