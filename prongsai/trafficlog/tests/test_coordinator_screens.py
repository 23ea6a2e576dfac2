"""R40/R43 (issue 11 item 8): the coordinator runs the integrity check on a screen, downloads a
signed result, and sees who looked at traffic data and why; nobody else; every use recorded."""

import json

import pytest
import time_machine
from django.core.management import call_command

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog import accessaudit, attest
from prongsai.trafficlog.models import TrafficAccess
from prongsai.trafficlog.sealing import seal_and_checkpoint

VERIFY = "/staff/traffic-data/verify/"
ACCESSES = "/staff/traffic-data/accesses/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return give_role(UserFactory(username="coordinator"), Role.TRAFFIC_COORDINATOR)


@pytest.fixture
def signed_in(client, coordinator):
    login_with_otp(client, coordinator)
    return client


@pytest.fixture
def sealed(write_segment):
    path = write_segment(5)
    seal_and_checkpoint()
    return path


def test_r40_coordinator_runs_the_check_and_sees_it_passed_and_it_is_recorded(signed_in, sealed):
    response = signed_in.post(VERIFY, {"run": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ถูกต้อง" in page and "5 รายการ" in page
    access = TrafficAccess.objects.get()
    assert (access.action, access.outcome, access.result_count) == ("verify", "allowed", 5)
    assert accessaudit.read_entries().accesses[access.pk]["action"] == "verify"


def test_r40_a_damaged_segment_shows_on_the_screen_with_its_line(signed_in, sealed):
    lines = sealed.read_bytes().splitlines(keepends=True)
    sealed.chmod(0o640)
    sealed.write_bytes(b"".join(lines[:2] + lines[3:]))  # one record deleted
    page = signed_in.post(VERIFY, {"run": "1"}).content.decode()
    assert "พบความเสียหาย" in page and "line 3" in page


def test_r40_the_downloaded_result_is_signed_and_an_edit_breaks_the_signature(
    signed_in, sealed, tmp_path, capsys
):
    response = signed_in.post(VERIFY, {"download": "1"})
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    signed = json.loads(response.content)
    assert signed["result"]["ok"] is True and signed["result"]["records"] == 5
    assert signed["result"]["run_by"] == "coordinator"
    assert attest.check(signed)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(signed, ensure_ascii=False))
    call_command("traffic_verify", check_result=str(good))
    assert "ลายมือชื่อถูกต้อง" in capsys.readouterr().out
    signed["result"]["records"] = 4
    assert not attest.check(signed)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(signed, ensure_ascii=False))
    with pytest.raises(SystemExit):
        call_command("traffic_verify", check_result=str(bad))
    assert TrafficAccess.objects.get().query["download"] is True


def test_r40_bad_dates_are_refused_in_thai_and_nothing_is_checked(signed_in, sealed):
    response = signed_in.post(VERIFY, {"start": "2026-02-01", "end": "2026-01-01", "run": "1"})
    assert response.status_code == 400
    assert "วันที่เริ่มต้นต้องไม่หลังวันที่สิ้นสุด" in response.content.decode()
    assert not TrafficAccess.objects.exists()


def test_r43_coordinator_sees_who_accessed_with_the_reason_in_bangkok_buddhist_era_time(
    client, signed_in
):
    with time_machine.travel("2026-12-01 17:30 +0000", tick=False):  # 2 Dec 2569 00:30 Bangkok
        signed_in.post(
            "/staff/traffic-data/",
            {
                "start": "2026-01-15T00:00",
                "end": "2026-01-15T23:59",
                "reason": "หนังสือ สอท. ที่ 0001/2569 ขอข้อมูลจราจร",
            },
        )
    page = signed_in.get(ACCESSES).content.decode()
    assert "หนังสือ สอท. ที่ 0001/2569 ขอข้อมูลจราจร" in page
    assert "2 ธันวาคม 2569 00:30" in page
    assert "coordinator" in page and "ค้นหา" in page
    viewed = TrafficAccess.objects.filter(action="accesses", outcome="allowed")
    assert viewed.count() == 1 and viewed.get().user.username == "coordinator"


@pytest.mark.parametrize("url", [VERIFY, ACCESSES])
@pytest.mark.parametrize("who", ["webmaster", "superuser", "unverified-coordinator"])
def test_r40_only_the_verified_coordinator_and_every_refusal_is_recorded(
    client, settings, url, who
):
    settings.TRAFFIC_REQUIRE_2FA = True
    if who == "webmaster":
        client.force_login(give_role(UserFactory(username="wm"), Role.WEBMASTER))
    elif who == "superuser":
        client.force_login(UserFactory(username="root", is_superuser=True))
    else:
        client.force_login(give_role(UserFactory(username="c2"), Role.TRAFFIC_COORDINATOR))
    assert client.post(url, {"download": "1"}).status_code == 403
    assert client.get(url).status_code == 403
    attempts = TrafficAccess.objects.filter(outcome="denied")
    assert attempts.count() == 2
    assert set(attempts.values_list("action", flat=True)) == {
        "verify" if url == VERIFY else "accesses"
    }
