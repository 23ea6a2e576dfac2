"""Browser: a webmaster signs in, must enrol TOTP (R41), then reaches the admin; a new account
must choose a strong password first; five wrong passwords show the Thai lockout page."""

import re

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from e2e.conftest import WIDTHS, screenshot
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "Correct-Horse-Battery-9"


@pytest.fixture
def require_2fa(settings):
    settings.PRONGSAI_REQUIRE_2FA = True


def sign_in(page, base_url, username, password=PASSWORD):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.login-form button[type=submit]")


def submit(page):
    page.click("form.prongsai-account-form button[type=submit]")


def code_from_secret(secret: str) -> str:
    from base64 import b32decode

    return f"{TOTP(b32decode(secret)).token():06d}"


@pytest.mark.parametrize("width", WIDTHS)
def test_r41_webmaster_enrols_totp_at_first_sign_in_then_reaches_admin(
    transactional_db, live_server, open_page, require_2fa, width
):
    give_role(UserFactory(username="webmaster"), Role.WEBMASTER)
    page = open_page(f"{live_server.url}/admin/login/", width)
    sign_in(page, live_server.url, "webmaster")
    page.wait_for_url(re.compile(r"/admin/accounts/two-factor/"))
    assert page.locator(".prongsai-qr svg").count() == 1
    screenshot(page, f"accounts-enrol-{width}")
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.fill("#id_token", "123456" if code_from_secret(secret) != "123456" else "654321")
    submit(page)
    expect(page.locator(".prongsai-account-form")).to_contain_text("รหัสยืนยันไม่ถูกต้อง")
    page.fill("#id_token", code_from_secret(secret))
    submit(page)
    expect(page.get_by_test_id("backup-codes").locator("li")).to_have_count(10)
    screenshot(page, f"accounts-backup-codes-{width}")
    page.click("text=บันทึกรหัสแล้ว ไปต่อ")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert page.console_errors == []


def test_r41_new_account_sets_a_strong_password_before_anything_else(
    transactional_db, live_server, open_page
):
    give_role(UserFactory(username="newcomer", must_change_password=True), Role.DATA_OWNER)
    page = open_page(f"{live_server.url}/admin/login/", 360)
    sign_in(page, live_server.url, "newcomer")
    page.wait_for_url(re.compile(r"/admin/accounts/password/"))
    page.fill("#id_current_password", PASSWORD)
    page.fill("#id_new_password1", "short")
    page.fill("#id_new_password2", "short")
    submit(page)
    expect(page.locator(".prongsai-account-form")).to_contain_text("รหัสผ่านสั้นเกินไป")
    screenshot(page, "accounts-weak-password-360")
    page.fill("#id_current_password", PASSWORD)
    page.fill("#id_new_password1", "ฟ้าใส-Longer-Passphrase-2569")
    page.fill("#id_new_password2", "ฟ้าใส-Longer-Passphrase-2569")
    submit(page)
    page.wait_for_url(re.compile(r"/admin/$"))
    expect(page.locator("body")).to_contain_text("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว")


def test_r41_five_wrong_passwords_show_the_thai_lockout_page(
    transactional_db, live_server, open_page
):
    UserFactory(username="target")
    page = open_page(f"{live_server.url}/admin/login/", 1440)
    for _attempt in range(5):
        sign_in(page, live_server.url, "target", "wrong-password")
    expect(page.locator("h1")).to_contain_text("ระงับการเข้าสู่ระบบชั่วคราว")
    screenshot(page, "accounts-locked-out-1440")
