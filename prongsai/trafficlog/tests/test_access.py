"""R40/R43: only the traffic coordinator, with two-factor, sees traffic data; all is recorded."""

import io
import json
import zipfile

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog.models import TrafficAccess
from prongsai.trafficlog.sealing import seal_and_checkpoint

URL = "/staff/traffic-data/"
FORM = {
    "start": "2026-01-15T00:00",
    "end": "2026-01-15T23:59",
    "ip": "203.0.113.0/24",
    "user_id": "",
    "path_contains": "/news/",
    "reason": "หนังสือ สอท. ที่ 0001/2569 ขอข้อมูลจราจร",
}


@pytest.fixture
def coordinator(db):
    return give_role(UserFactory(username="coordinator"), Role.TRAFFIC_COORDINATOR)


def verified_login(client, user):
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()


@pytest.fixture
def stored(write_segment):
    write_segment(5, path="/news/item")
    write_segment(3, ip="198.51.100.1", path="/news/other")
    seal_and_checkpoint()


def test_r40_r43_coordinator_with_two_factor_searches_and_the_search_is_recorded(
    client, coordinator, stored
):
    verified_login(client, coordinator)
    response = client.post(URL, FORM, REMOTE_ADDR="198.51.100.200")
    assert response.status_code == 200
    assert response.context["total"] == 5
    access = TrafficAccess.objects.get()
    assert access.user == coordinator
    assert access.action == "search" and access.outcome == "allowed"
    assert access.reason == FORM["reason"]
    assert access.query["ip"] == "203.0.113.0/24"
    assert access.result_count == 5


def test_r40_export_has_the_records_and_a_manifest_of_segment_hashes(client, coordinator, stored):
    verified_login(client, coordinator)
    response = client.post(URL, {**FORM, "export": "csv"}, REMOTE_ADDR="198.51.100.200")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    csv_text = archive.read("records.csv").decode("utf-8-sig")
    assert csv_text.count("\n") == 6  # header + 5 records
    assert manifest["record_count"] == 5
    assert all(segment["matches_seal"] for segment in manifest["segments"])
    assert manifest["reason"] == FORM["reason"]
    assert TrafficAccess.objects.get().action == "export"


def test_reason_is_required_and_nothing_is_searched_without_it(client, coordinator, stored):
    verified_login(client, coordinator)
    response = client.post(URL, {**FORM, "reason": ""}, REMOTE_ADDR="198.51.100.200")
    assert response.status_code == 200
    assert "กรุณาระบุเหตุผล" in response.content.decode()
    assert response.context.get("found") is None
    assert not TrafficAccess.objects.filter(outcome="allowed").exists()


@pytest.mark.parametrize("who", ["superuser", "webmaster", "anonymous"])
def test_r40_anyone_but_the_coordinator_gets_403_and_the_attempt_is_recorded(client, db, who):
    if who == "superuser":
        client.force_login(UserFactory(username="root2", is_superuser=True))
    elif who == "webmaster":
        user = give_role(UserFactory(username="wm"), Role.WEBMASTER)
        client.force_login(user)
    response = client.post(URL, {**FORM, "export": "json"}, REMOTE_ADDR="198.51.100.200")
    assert response.status_code == 403
    attempt = TrafficAccess.objects.get()
    assert attempt.outcome == "denied" and attempt.action == "export"
    assert attempt.query["refusal"] == "not-coordinator"


def test_coordinator_without_verified_two_factor_is_refused(client, coordinator, settings):
    settings.TRAFFIC_REQUIRE_2FA = True
    client.force_login(coordinator)
    response = client.get(URL, REMOTE_ADDR="198.51.100.200")
    assert response.status_code == 403
    assert TrafficAccess.objects.get().query["refusal"] == "two-factor-not-verified"


def test_invalid_ip_gives_a_thai_error(client, coordinator, stored):
    verified_login(client, coordinator)
    response = client.post(URL, {**FORM, "ip": "not-an-ip"}, REMOTE_ADDR="198.51.100.200")
    assert "หมายเลขไอพีไม่ถูกต้อง" in response.content.decode()


def test_r40_access_audit_records_the_client_behind_a_trusted_proxy_not_the_proxy(
    client, coordinator, stored, settings
):
    """Issue 12: the audit stored nginx's 127.0.0.1 instead of the coordinator's address."""
    settings.TRUSTED_PROXIES = ["127.0.0.1/32"]
    verified_login(client, coordinator)
    client.post(URL, FORM, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.77")
    # Refused attempts too, and a forged header from an untrusted peer is not believed.
    client.logout()
    client.post(URL, FORM, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    client.post(URL, FORM, REMOTE_ADDR="192.0.2.9", HTTP_X_FORWARDED_FOR="10.9.9.9")
    addresses = list(TrafficAccess.objects.order_by("pk").values_list("client_ip", flat=True))
    assert addresses == ["198.51.100.77", "203.0.113.5", "192.0.2.9"]
    from prongsai.trafficlog import accessaudit

    chained = accessaudit.read_entries().accesses
    assert [chained[pk]["client_ip"] for pk in sorted(chained)] == addresses
