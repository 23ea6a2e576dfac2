"""Browser: a member of staff sees where they are signed in and signs the other device out
after typing the password again (R41, ASVS 7.5.2, ADR 0258), at 360 px and 1440 px."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from e2e.conftest import WIDTHS, axe_violations, screenshot
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.browser
PASSWORD = "Correct-Horse-Battery-9"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.mark.parametrize("width", WIDTHS)
def test_r41_staff_see_their_sessions_and_sign_the_phone_out(
    transactional_db, live_server, open_page, width
):
    give_role(UserFactory(username="editor"), Role.DATA_OWNER)
    phone = Client(HTTP_USER_AGENT=PHONE, REMOTE_ADDR="198.51.100.7")
    phone.post(reverse("wagtailadmin_login"), {"username": "editor", "password": PASSWORD})
    assert phone.get("/admin/").status_code == 200

    page = open_page(f"{live_server.url}/admin/login/", width)
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/accounts/sessions/")
    sessions = page.get_by_test_id("session")
    expect(sessions).to_have_count(2)
    expect(page.get_by_test_id("sessions")).to_contain_text("Chrome · Android")
    expect(page.get_by_test_id("sessions")).to_contain_text("อุปกรณ์นี้")
    assert axe_violations(page) == []
    screenshot(page, f"accounts-sessions-{width}")

    page.click("text=ออกจากระบบอุปกรณ์อื่นทั้งหมด")
    expect(page.locator(".prongsai-account-form")).to_contain_text("กรุณากรอกรหัสผ่าน")
    page.fill("#id_secret", PASSWORD)
    page.click("text=ออกจากระบบอุปกรณ์อื่นทั้งหมด")
    expect(page.get_by_test_id("session")).to_have_count(1)
    assert page.console_errors == []
    assert phone.get("/admin/").status_code == 302
