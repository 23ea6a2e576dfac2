"""R41: TOTP two-factor sign-in — available to all staff, required for administrators,
webmasters and the traffic coordinator (ADR 0010)."""

import re

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.accounts.models import BackupCode
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import current_totp_token, give_role, login_with_otp, token_for
from prongsai.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("require_2fa")


@pytest.fixture
def require_2fa():
    with override_settings(PRONGSAI_REQUIRE_2FA=True):
        yield


@pytest.fixture
def webmaster(db):
    return give_role(UserFactory(username="webmaster"), Role.WEBMASTER)


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="โทรศัพท์", confirmed=True)


@pytest.mark.parametrize("role", [Role.WEBMASTER, Role.ADMINISTRATOR, Role.TRAFFIC_COORDINATOR])
def test_r41_required_roles_without_a_device_are_sent_to_enrol(client, db, role):
    user = give_role(UserFactory(username="needs-2fa"), role)
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("prongsai_accounts:enrol"))


def test_r41_superuser_counts_as_administrator_and_must_verify(client, superuser):
    enrolled(superuser)
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("prongsai_accounts:verify"))


def test_r41_webmaster_without_verified_device_cannot_reach_admin_pages(client, webmaster):
    enrolled(webmaster)
    client.force_login(webmaster)
    for path in ("/admin/", "/admin/pages/", "/admin/documents/", "/admin/reports/site-history/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("prongsai_accounts:verify"))


def test_r41_webmaster_reaches_admin_after_a_valid_totp_code(client, webmaster):
    device = enrolled(webmaster)
    client.force_login(webmaster)
    response = client.post(
        reverse("prongsai_accounts:verify"), {"token": token_for(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_r41_wrong_totp_code_is_refused_in_thai_and_admin_stays_closed(client, webmaster):
    device = enrolled(webmaster)
    client.force_login(webmaster)
    wrong = f"{(int(token_for(device)) + 1) % 1000000:06d}"
    response = client.post(reverse("prongsai_accounts:verify"), {"token": wrong})
    assert response.status_code == 200
    assert "รหัสยืนยันไม่ถูกต้อง" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_r41_a_totp_code_cannot_be_replayed_in_another_session(client, webmaster):
    device = enrolled(webmaster)
    with time_machine.travel("2026-11-20 09:00:05+07:00", tick=False):
        token = token_for(device)
        client.force_login(webmaster)
        client.post(reverse("prongsai_accounts:verify"), {"token": token})
        client.logout()
        client.force_login(webmaster)
        response = client.post(reverse("prongsai_accounts:verify"), {"token": token})
    assert "รหัสยืนยันไม่ถูกต้อง" in response.content.decode()


def test_r41_enrolment_shows_a_qr_code_and_confirms_with_a_code_then_gives_backup_codes(
    client, webmaster
):
    client.force_login(webmaster)
    page = client.get(reverse("prongsai_accounts:enrol")).content.decode()
    assert "<svg" in page
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)<', page).group(1)
    pending = TOTPDevice.objects.get(user=webmaster, confirmed=False)
    assert secret  # the same key the QR code carries, for people who cannot scan

    wrong = client.post(reverse("prongsai_accounts:enrol"), {"token": "000000x"})
    assert "รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=webmaster, confirmed=True).exists()

    response = client.post(reverse("prongsai_accounts:enrol"), {"token": token_for(pending)})
    codes = re.findall(r"<li>([a-z0-9]{8})</li>", response.content.decode())
    assert len(codes) == 10
    assert BackupCode.objects.filter(device__user=webmaster).count() == 10
    assert not StaticToken.objects.exists()
    assert client.get("/admin/").status_code == 200  # enrolling also verifies this session


def test_r41_backup_code_works_once(client, webmaster):
    from prongsai.accounts.two_factor import replace_backup_codes

    enrolled(webmaster)
    code = replace_backup_codes(webmaster)[0]
    client.force_login(webmaster)
    client.post(reverse("prongsai_accounts:verify"), {"token": code})
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(webmaster)
    response = client.post(reverse("prongsai_accounts:verify"), {"token": code})
    assert "รหัสยืนยันไม่ถูกต้อง" in response.content.decode()


def test_r41_data_owner_may_use_the_admin_without_two_factor_but_may_enrol(client, db):
    owner = give_role(UserFactory(username="owner"), Role.DATA_OWNER)
    client.force_login(owner)
    assert client.get("/admin/").status_code == 200
    assert client.get(reverse("prongsai_accounts:enrol")).status_code == 200


def test_r41_data_owner_who_enrolled_must_verify_too(client, db):
    owner = give_role(UserFactory(username="owner"), Role.DATA_OWNER)
    enrolled(owner)
    client.force_login(owner)
    assert client.get("/admin/")["Location"].startswith(reverse("prongsai_accounts:verify"))


def test_login_with_otp_helper_opens_the_admin_for_a_webmaster(client, webmaster):
    login_with_otp(client, webmaster)
    assert client.get("/admin/pages/").status_code == 200


def test_current_totp_token_is_accepted_by_the_verify_page(client, webmaster):
    token = current_totp_token(webmaster)
    client.force_login(webmaster)
    client.post(reverse("prongsai_accounts:verify"), {"token": token})
    assert client.get("/admin/").status_code == 200


def test_requirement_can_be_switched_off_by_setting(client, webmaster):
    with override_settings(PRONGSAI_REQUIRE_2FA=False):
        client.force_login(webmaster)
        assert client.get("/admin/").status_code == 200
