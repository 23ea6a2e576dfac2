"""R41: repeated wrong passwords lock that username from that address, nobody else."""

import pytest
from django.urls import reverse

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


def test_five_wrong_passwords_lock_that_username_from_that_address_R41(client, staff):
    for _attempt in range(4):
        assert sign_in(client, "target", "wrong-password").status_code == 200
    response = sign_in(client, "target", "wrong-password")
    assert response.status_code == 429
    html = response.content.decode()
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in html
    assert "รหัสผ่านผิด 5 ครั้ง" in html


def test_right_password_during_lockout_is_refused_R41(client, staff):
    lock_target(client)
    response = sign_in(client, "target", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_colleague_behind_the_same_address_can_still_sign_in_R41(client, staff):
    lock_target(client)
    response = sign_in(client, "colleague", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        staff.__class__.objects.get(username="colleague").pk
    )


def test_same_username_from_another_address_is_not_locked_R41(client, staff):
    lock_target(client)
    assert sign_in(client, "target", PASSWORD, address="198.51.100.7").status_code == 302
