"""R41: accounts come only from administrators and start with a password change."""

import pytest
from django.urls import get_resolver, reverse

from prongsai.accounts.models import User
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory

STRONG = "ฟ้าใส-Longer-Passphrase-2569"


@pytest.fixture
def administrator(db):
    return give_role(UserFactory(username="admin-user"), Role.ADMINISTRATOR)


def test_r41_argon2_is_the_production_password_hasher():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.parametrize("path", ["/signup/", "/register/", "/accounts/signup/"])
def test_r41_there_is_no_public_sign_up(client, db, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/admin/signup/", "/admin/register/"])
def test_r41_admin_offers_only_sign_in_to_strangers(client, db, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_r41_no_url_pattern_offers_sign_up():
    def names(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from names(pattern)
            else:
                yield f"{pattern.name} {pattern.pattern}".lower()

    offered = [name for name in names(get_resolver()) if "signup" in name or "register" in name]
    assert offered == []


def test_r41_login_page_offers_no_sign_up_link(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "signup" not in html and "register" not in html and "สมัคร" not in html


def test_r20_administrator_creates_account_with_staff_fields_and_forced_password_change(
    client, administrator
):
    unit = UnitFactory(code="pr", name="งานประชาสัมพันธ์")
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newstaff",
            "email": "newstaff@example.go.th",
            "first_name": "สมศรี",
            "last_name": "ใจงาม",
            "position": "นักประชาสัมพันธ์",
            "unit": unit.pk,
            "phone": "0 2123 4567",
            "password1": "Temporary-Pass-2569",
            "password2": "Temporary-Pass-2569",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    account = User.objects.get(username="newstaff")
    assert (account.position, account.unit, account.phone) == ("นักประชาสัมพันธ์", unit, "0 2123 4567")
    assert account.must_change_password


def test_r41_administrator_cannot_create_account_with_weak_password(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "weak",
            "email": "weak@example.go.th",
            "first_name": "ก",
            "last_name": "ข",
            "password1": "short1",
            "password2": "short1",
        },
    )
    assert response.status_code == 200
    assert "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย 12 ตัวอักษร" in response.content.decode()
    assert not User.objects.filter(username="weak").exists()


def test_r20_non_administrator_cannot_create_accounts(client, db):
    webmaster = give_role(UserFactory(username="wm"), Role.WEBMASTER)
    client.force_login(webmaster)
    response = client.get(reverse("wagtailusers_users:add"))
    assert response.status_code in (302, 403)


@pytest.fixture
def new_account(db):
    account = UserFactory(username="first-login", must_change_password=True)
    return give_role(account, Role.DATA_OWNER)


def test_r41_new_account_is_sent_to_change_password_from_any_admin_page(client, new_account):
    client.force_login(new_account)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("prongsai_accounts:change_password"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]


@pytest.mark.parametrize(
    ("new_password", "message"),
    [
        ("Short-1", "รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย 12 ตัวอักษร"),
        ("123456789012345", "รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด"),
        ("password1234", "รหัสผ่านนี้เป็นรหัสที่คนทั่วไปใช้กันมาก"),
        ("Correct-Horse-Battery-9", "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม"),
    ],
)
def test_r41_weak_new_password_is_refused_in_thai_and_nothing_changes(
    client, new_account, new_password, message
):
    client.force_login(new_account)
    response = client.post(
        reverse("prongsai_accounts:change_password"),
        {
            "current_password": "Correct-Horse-Battery-9",
            "new_password1": new_password,
            "new_password2": new_password,
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    new_account.refresh_from_db()
    assert new_account.must_change_password
    assert new_account.check_password("Correct-Horse-Battery-9")


def test_r41_wrong_current_password_is_refused_in_thai(client, new_account):
    client.force_login(new_account)
    response = client.post(
        reverse("prongsai_accounts:change_password"),
        {"current_password": "not-it", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert "รหัสผ่านปัจจุบันไม่ถูกต้อง" in response.content.decode()


def test_r41_strong_password_clears_the_flag_and_opens_the_admin(client, new_account):
    client.force_login(new_account)
    response = client.post(
        reverse("prongsai_accounts:change_password") + "?next=/admin/pages/",
        {
            "current_password": "Correct-Horse-Battery-9",
            "new_password1": STRONG,
            "new_password2": STRONG,
            "next": "/admin/pages/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    new_account.refresh_from_db()
    assert not new_account.must_change_password
    assert new_account.check_password(STRONG)
    assert client.get("/admin/").status_code == 200  # still signed in after the change


def test_change_password_page_refuses_an_outside_next_url(client, new_account):
    client.force_login(new_account)
    response = client.post(
        reverse("prongsai_accounts:change_password"),
        {
            "current_password": "Correct-Horse-Battery-9",
            "new_password1": STRONG,
            "new_password2": STRONG,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == reverse("wagtailadmin_home")
