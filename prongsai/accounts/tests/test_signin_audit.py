"""R41: sign-in events in the audit log, shown in Bangkok time; the superuser box says what
it is and asks for confirmation (ADR 0074)."""

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

PASSWORD = "Correct-Horse-Battery-9"


@pytest.fixture
def staff(db):
    return UserFactory(username="signer")


def sign_in(client, username, password):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR="203.0.113.77",
    )


def actions_for(user):
    return list(ModelLogEntry.objects.filter(object_id=str(user.pk)).values_list("action", "data"))


def test_r41_sign_in_and_failed_sign_in_are_audited_with_the_address(client, staff):
    """Fails before this change: neither was recorded."""
    sign_in(client, "signer", "wrong-password")
    sign_in(client, "signer", PASSWORD)
    entries = actions_for(staff)
    assert ("prongsai.account.sign_in_failed", {"address": "203.0.113.77"}) in entries
    assert ("prongsai.account.signed_in", {"address": "203.0.113.77"}) in entries


def test_r41_a_lockout_is_audited(client, staff):
    for _attempt in range(5):
        sign_in(client, "signer", "wrong-password")
    assert ModelLogEntry.objects.filter(
        action="prongsai.account.locked_out", object_id=str(staff.pk)
    ).exists()


def test_r41_unknown_username_leaves_no_audit_entry_and_the_same_page(client, staff):
    unknown = sign_in(client, "nobody-here", "wrong-password")
    known = sign_in(client, "signer", "wrong-password")
    assert unknown.status_code == known.status_code == 200
    assert (
        not ModelLogEntry.objects.filter(action__startswith="prongsai.account.sign_in")
        .exclude(object_id=str(staff.pk))
        .exists()
    )


@override_settings(PRONGSAI_REQUIRE_2FA=True)
def test_r41_a_wrong_second_factor_code_is_audited(client, db):
    """Fails before this change: the entry was silently dropped (lazy request.user)."""
    webmaster = give_role(UserFactory(username="wm-audit"), Role.WEBMASTER)
    TOTPDevice.objects.create(user=webmaster, name="โทรศัพท์", confirmed=True)
    client.force_login(webmaster)
    client.post(reverse("prongsai_accounts:verify"), {"token": "000000"})
    assert ModelLogEntry.objects.filter(
        action="prongsai.account.two_factor_failed", object_id=str(webmaster.pk)
    ).exists()


def test_r41_sign_in_events_have_thai_labels_and_bangkok_times(client, staff, superuser):
    with time_machine.travel("2026-12-01 02:15:00+00:00", tick=False):
        sign_in(client, "signer", PASSWORD)
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "เข้าสู่ระบบ" in html
    assert "09:15" in html  # 02:15 UTC is 09:15 in Bangkok


def edit_data(user, **extra):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "position": user.position,
        "phone": "",
        **extra,
    }


def test_r41_superuser_box_is_labelled_plainly(client, superuser, staff):
    client.force_login(superuser)
    html = client.get(reverse("wagtailusers_users:edit", args=[staff.pk])).content.decode()
    assert "ผู้ดูแลระบบสูงสุด" in html
    assert "ยืนยันการให้สิทธิ์ผู้ดูแลระบบสูงสุด" in html


def test_r41_granting_superuser_needs_the_confirmation(client, superuser, staff):
    """Fails before this change: one tick granted full control."""
    client.force_login(superuser)
    url = reverse("wagtailusers_users:edit", args=[staff.pk])
    refused = client.post(url, edit_data(staff, is_superuser="on"))
    assert refused.status_code == 200
    assert "กรุณาทำเครื่องหมายยืนยัน" in refused.content.decode()
    staff.refresh_from_db()
    assert not staff.is_superuser
    client.post(url, edit_data(staff, is_superuser="on", confirm_superuser="on"))
    staff.refresh_from_db()
    assert staff.is_superuser
