"""R41: repeated wrong passwords lock that username from that address, nobody else — and a
slow guess from many addresses or a spray from one address locks too (ADR 0072)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

PASSWORD = "Correct-Horse-Battery-9"
OFFICE = "203.0.113.10"


@pytest.fixture
def staff(db):
    UserFactory(username="colleague")
    return UserFactory(username="target")


def sign_in(client, username, password, address=OFFICE):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def lock_target(client):
    for _attempt in range(5):
        response = sign_in(client, "target", "wrong-password")
    return response


def test_r41_five_wrong_passwords_lock_that_username_from_that_address(client, staff):
    for _attempt in range(4):
        assert sign_in(client, "target", "wrong-password").status_code == 200
    response = sign_in(client, "target", "wrong-password")
    assert response.status_code == 429
    html = response.content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in html
    assert "รหัสผ่านผิดหลายครั้ง" in html


def test_r41_right_password_during_lockout_is_refused(client, staff):
    lock_target(client)
    response = sign_in(client, "target", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_r41_colleague_behind_the_same_address_can_still_sign_in(client, staff):
    lock_target(client)
    response = sign_in(client, "colleague", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        staff.__class__.objects.get(username="colleague").pk
    )


def test_r41_same_username_from_another_address_is_not_locked(client, staff):
    lock_target(client)
    assert sign_in(client, "target", PASSWORD, address="198.51.100.7").status_code == 302


def test_r41_40_guesses_from_10_addresses_lock_the_username(client, staff):
    """Fails before this change: each address stayed under the per-pair limit."""
    for number in range(10):
        for _attempt in range(4):
            sign_in(client, "target", "wrong-password", address=f"198.51.100.{number + 1}")
    response = sign_in(client, "target", PASSWORD, address="192.0.2.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_r41_a_spray_across_6_usernames_from_one_address_locks_the_address(client, staff):
    """Fails before this change: each username stayed under the per-pair limit."""
    for number in range(6):
        for _attempt in range(4):
            sign_in(client, f"guess{number}", "wrong-password", address="192.0.2.50")
    response = sign_in(client, "colleague", PASSWORD, address="192.0.2.50")
    assert response.status_code == 429
    assert sign_in(client, "colleague", PASSWORD, address="192.0.2.51").status_code == 302


def test_r41_administrator_unlocks_an_account_from_the_admin_audited(client, staff):
    lock_target(client)
    admin = give_role(UserFactory(username="admin-unlock"), Role.ADMINISTRATOR)
    client.force_login(admin)
    url = reverse("prongsai_accounts:unlock_sign_in", args=[staff.pk])
    assert url in client.get(reverse("wagtailusers_users:edit", args=[staff.pk])).content.decode()
    assert client.post(url).status_code == 302
    entry = ModelLogEntry.objects.get(action="prongsai.account.sign_in_unlocked")
    assert entry.user_id == admin.pk and entry.object_id == str(staff.pk)
    client.logout()
    assert sign_in(client, "target", PASSWORD).status_code == 302


def test_r41_only_administrators_unlock(client, staff):
    lock_target(client)
    webmaster = give_role(UserFactory(username="wm-unlock"), Role.WEBMASTER)
    client.force_login(webmaster)
    client.post(reverse("prongsai_accounts:unlock_sign_in", args=[staff.pk]))
    client.logout()
    assert sign_in(client, "target", PASSWORD).status_code == 429


def test_r41_password_reset_requests_are_throttled_per_address(client, staff):
    """Fails before this change: every request sent an e-mail."""
    from django.core.cache import cache

    cache.clear()
    url = reverse("wagtailadmin_password_reset")
    for _attempt in range(5):
        assert client.post(url, {"email": staff.email}, REMOTE_ADDR=OFFICE).status_code == 302
    response = client.post(url, {"email": staff.email}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 429
    assert "หลายครั้งเกินไป" in response.content.decode()
    assert len(mail.outbox) == 5
    other = client.post(url, {"email": staff.email}, REMOTE_ADDR="198.51.100.40")
    assert other.status_code == 302
