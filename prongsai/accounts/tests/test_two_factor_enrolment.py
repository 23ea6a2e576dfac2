"""R41: a password alone can never put a new device on an account (ADR 0070)."""

import re

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from prongsai.accounts.models import BackupCodeDevice
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp, token_for
from prongsai.accounts.tests.factories import UserFactory
from prongsai.accounts.two_factor import replace_backup_codes

ENROL = reverse("prongsai_accounts:enrol")
VERIFY = reverse("prongsai_accounts:verify")
PASSWORD = "Correct-Horse-Battery-9"

pytestmark = pytest.mark.usefixtures("require_2fa")


@pytest.fixture
def require_2fa():
    with override_settings(PRONGSAI_REQUIRE_2FA=True):
        yield


@pytest.fixture
def webmaster(db):
    return give_role(UserFactory(username="webmaster"), Role.WEBMASTER)


@pytest.fixture
def administrator(db):
    return give_role(UserFactory(username="admin-a"), Role.ADMINISTRATOR)


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="โทรศัพท์ของเจ้าของ", confirmed=True)


def password_sign_in(client, user):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.20",
    )
    assert response.status_code == 302
    return response


def test_r41_password_alone_cannot_see_a_new_secret_for_an_enrolled_account(client, webmaster):
    """The bypass: fails before this change (the page showed a fresh secret)."""
    enrolled(webmaster)
    password_sign_in(client, webmaster)
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=webmaster, confirmed=False).exists()


def test_r41_password_alone_cannot_replace_the_device_nor_verify_the_session(client, webmaster):
    """The bypass: fails before this change (the attacker's device replaced the owner's)."""
    owners = enrolled(webmaster)
    attackers = TOTPDevice.objects.create(user=webmaster, name="attacker", confirmed=False)
    password_sign_in(client, webmaster)
    client.post(ENROL, {"token": token_for(attackers)})
    assert TOTPDevice.objects.get(user=webmaster, confirmed=True) == owners
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_r41_enrol_refused_by_the_service_is_audited(rf, webmaster):
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.exceptions import PermissionDenied

    from prongsai.accounts.two_factor import confirm_enrolment

    enrolled(webmaster)
    request = rf.post(ENROL)
    request.user, request.session = webmaster, SessionStore()
    request.user.is_verified = lambda: False  # as OTPMiddleware says for an unverified session
    with pytest.raises(PermissionDenied):
        confirm_enrolment(request, "123456")
    assert ModelLogEntry.objects.filter(
        action="prongsai.account.two_factor_enrol_refused", object_id=str(webmaster.pk)
    ).exists()


def test_r41_verified_session_may_replace_the_device_and_the_owner_is_emailed(
    client, webmaster, django_capture_on_commit_callbacks
):
    old = login_with_otp(client, webmaster)
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "อุปกรณ์เดิมและรหัสสำรองเดิมจะใช้ไม่ได้อีก" in page.content.decode()
    new = TOTPDevice.objects.get(user=webmaster, confirmed=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENROL, {"token": token_for(new)})
    assert len(re.findall(r"<li>([a-z0-9]{8})</li>", response.content.decode())) == 10
    assert list(TOTPDevice.objects.filter(user=webmaster, confirmed=True)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert ModelLogEntry.objects.filter(action="prongsai.account.two_factor_replaced").exists()
    [message] = mail.outbox
    assert message.to == [webmaster.email]
    assert "เปลี่ยนอุปกรณ์ยืนยันตัวตน" in message.subject
    assert "http://testserver/admin/" in message.body


def test_r41_backup_code_session_may_replace_a_lost_phone(client, webmaster):
    enrolled(webmaster)
    code = replace_backup_codes(webmaster)[0]
    password_sign_in(client, webmaster)
    client.post(VERIFY, {"token": code})
    assert client.get(ENROL).status_code == 200


def test_r41_first_device_right_after_password_sign_in_is_allowed(client, webmaster):
    password_sign_in(client, webmaster)
    assert client.get("/admin/")["Location"].startswith(ENROL)
    assert client.get(ENROL).status_code == 200
    pending = TOTPDevice.objects.get(user=webmaster, confirmed=False)
    client.post(ENROL, {"token": token_for(pending)})
    assert TOTPDevice.objects.filter(user=webmaster, confirmed=True).count() == 1
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="prongsai.account.two_factor_enrolled").exists()
    assert mail.outbox == []  # a first device is not a replacement


def test_r41_first_device_long_after_sign_in_asks_to_sign_in_again(client, webmaster):
    with time_machine.travel("2026-12-01 09:00:00+07:00", tick=False) as clock:
        password_sign_in(client, webmaster)
        clock.shift(11 * 60)
        response = client.get(ENROL)
        assert response.status_code == 403
        html = response.content.decode()
        assert "เข้าสู่ระบบใหม่" in html
        assert 'data-testid="totp-secret"' not in html
        assert client.post(ENROL, {"token": "123456"}).status_code == 403
    assert not TOTPDevice.objects.filter(user=webmaster).exists()


def test_r41_backup_codes_alone_count_as_an_existing_device(client, webmaster):
    replace_backup_codes(webmaster)
    password_sign_in(client, webmaster)
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_r41_middleware_exempts_named_pages_not_the_whole_namespace(client, webmaster, db):
    """A new page in the accounts namespace is behind the second factor: the reset page
    redirects an unverified administrator (fails before this change: namespace exempt)."""
    admin = give_role(UserFactory(username="admin-unverified"), Role.ADMINISTRATOR)
    enrolled(admin)
    client.force_login(admin)
    url = reverse("prongsai_accounts:two_factor_reset", args=[webmaster.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_r41_administrator_resets_another_persons_devices_with_a_reason(
    client, webmaster, administrator, django_capture_on_commit_callbacks
):
    enrolled(webmaster)
    replace_backup_codes(webmaster)
    login_with_otp(client, administrator)
    edit = client.get(reverse("wagtailusers_users:edit", args=[webmaster.pk])).content.decode()
    url = reverse("prongsai_accounts:two_factor_reset", args=[webmaster.pk])
    assert url in edit

    refused = client.post(url, {"reason": "   "})
    assert "กรุณาระบุเหตุผล" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=webmaster).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "โทรศัพท์หาย ยืนยันตัวตนโดยพบตัวแล้ว"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=webmaster).exists()
    assert not StaticDevice.objects.filter(user=webmaster).exists()
    assert not BackupCodeDevice.objects.filter(user=webmaster).exists()
    entry = ModelLogEntry.objects.get(action="prongsai.account.two_factor_reset")
    assert entry.user_id == administrator.pk
    assert entry.data["reason"] == "โทรศัพท์หาย ยืนยันตัวตนโดยพบตัวแล้ว"
    [message] = mail.outbox
    assert message.to == [webmaster.email]
    assert "โทรศัพท์หาย" in message.body


def test_r41_reset_is_refused_for_oneself_and_for_non_administrators(
    client, webmaster, administrator
):
    login_with_otp(client, administrator)
    own = reverse("prongsai_accounts:two_factor_reset", args=[administrator.pk])
    assert client.get(own)["Location"] == "/admin/"  # Wagtail's "no permission" redirect
    edit = client.get(reverse("wagtailusers_users:edit", args=[administrator.pk]))
    assert own not in edit.content.decode()
    client.logout()
    enrolled(administrator)
    login_with_otp(client, webmaster)
    url = reverse("prongsai_accounts:two_factor_reset", args=[administrator.pk])
    assert client.post(url, {"reason": "ลองดู"})["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=administrator).exists()
