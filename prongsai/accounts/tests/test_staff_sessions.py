"""R41, ASVS 7.1.2 / 7.4.5 / 7.5.2: staff see their signed-in sessions (device, address, times
in the Buddhist era) and end one or all others after typing the password or a code again; an
administrator ends all of a person's sessions, audited; at most five sessions per account;
sessions end when the password changes or the second factor is reset (ADR 0258)."""

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from prongsai.accounts.models import StaffSession
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp, token_for
from prongsai.accounts.tests.factories import UserFactory
from prongsai.accounts.two_factor import reset_two_factor

PASSWORD = "Correct-Horse-Battery-9"
MINE = reverse("prongsai_accounts:my_sessions")
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture
def editor(db):
    return give_role(UserFactory(username="editor"), Role.DATA_OWNER)


@pytest.fixture
def administrator(db):
    return give_role(UserFactory(username="admin-sessions"), Role.ADMINISTRATOR)


def sign_in(user, agent=FIREFOX_WINDOWS, address="203.0.113.20") -> Client:
    """A browser signing in with the password, as people do."""
    browser = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    response = browser.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return browser


def signed_in(browser) -> bool:
    return browser.get("/admin/").status_code == 200


def test_r41_my_sessions_lists_device_address_and_buddhist_era_times(editor):
    """Fails before this change: there was no such screen."""
    with time_machine.travel("2026-12-01 09:15:00+07:00", tick=False):
        laptop = sign_in(editor)
        sign_in(editor, agent=CHROME_ANDROID, address="198.51.100.7")
        page = laptop.get(MINE)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-testid="session"') == 2
    assert "Firefox · Windows" in html and "Chrome · Android" in html
    assert "203.0.113.20" in html and "198.51.100.7" in html
    assert "2569" in html and "09:15" in html  # พ.ศ. 2569, Bangkok time
    assert "อุปกรณ์นี้" in html


def test_r41_ending_another_session_needs_the_password_again(editor):
    laptop = sign_in(editor)
    phone = sign_in(editor, agent=CHROME_ANDROID)
    phone_row = StaffSession.objects.get(user=editor, user_agent=CHROME_ANDROID)

    refused = laptop.post(MINE, {"secret": "not-my-password", "end_session": phone_row.pk})
    assert refused.status_code == 200
    assert "รหัสผ่านหรือรหัสยืนยันไม่ถูกต้อง" in refused.content.decode()
    assert signed_in(phone)
    assert ModelLogEntry.objects.filter(
        action="prongsai.account.reauthentication_failed", object_id=str(editor.pk)
    ).exists()

    ended = laptop.post(MINE, {"secret": PASSWORD, "end_session": phone_row.pk})
    assert ended.status_code == 302
    assert not signed_in(phone)
    assert signed_in(laptop)
    entry = ModelLogEntry.objects.get(action="prongsai.account.session_ended")
    assert entry.data["user_agent"] == CHROME_ANDROID


def test_r41_ending_all_other_sessions_with_a_two_factor_code(editor):
    device = TOTPDevice.objects.create(user=editor, name="โทรศัพท์", confirmed=True)
    laptop = sign_in(editor)
    others = [sign_in(editor, agent=CHROME_ANDROID) for _ in range(2)]
    response = laptop.post(MINE, {"secret": token_for(device), "end_others": "1"})
    assert response.status_code == 302
    assert all(not signed_in(browser) for browser in others)
    assert signed_in(laptop)
    assert StaffSession.objects.filter(user=editor).count() == 1
    entry = ModelLogEntry.objects.get(action="prongsai.account.other_sessions_ended")
    assert entry.data == {"ended": 2, "reason": "own_request"}


def test_r41_ending_this_session_signs_this_browser_out(editor):
    laptop = sign_in(editor)
    mine = StaffSession.objects.get(user=editor)
    response = laptop.post(MINE, {"secret": PASSWORD, "end_session": mine.pk})
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not signed_in(laptop)


def test_r41_someone_elses_session_cannot_be_ended_from_my_screen(editor, administrator):
    theirs = sign_in(administrator)
    their_row = StaffSession.objects.get(user=administrator)
    laptop = sign_in(editor)
    response = laptop.post(MINE, {"secret": PASSWORD, "end_session": their_row.pk})
    assert "ไม่พบการเข้าสู่ระบบนี้" in response.content.decode()
    assert signed_in(theirs)


def test_r41_five_wrong_answers_end_this_session(editor):
    laptop = sign_in(editor)
    row = StaffSession.objects.get(user=editor)
    for _attempt in range(4):
        assert laptop.post(MINE, {"secret": "guess", "end_session": row.pk}).status_code == 200
    last = laptop.post(MINE, {"secret": "guess", "end_session": row.pk})
    assert last["Location"].startswith(reverse("wagtailadmin_login"))
    assert not signed_in(laptop)


def test_r41_a_sixth_sign_in_ends_the_oldest_session(editor):
    """ASVS 7.1.2: five sessions at most per account (PRONGSAI_MAX_STAFF_SESSIONS)."""
    browsers = []
    with time_machine.travel("2026-12-01 09:00:00+07:00", tick=False) as clock:
        for _index in range(6):
            browsers.append(sign_in(editor))
            clock.shift(60)
        assert not signed_in(browsers[0])
        assert all(signed_in(browser) for browser in browsers[1:])
    assert StaffSession.objects.filter(user=editor).count() == 5
    assert (
        ModelLogEntry.objects.filter(action="prongsai.account.session_limit_reached").count() == 1
    )


@override_settings(PRONGSAI_MAX_STAFF_SESSIONS=2)
def test_r41_the_limit_is_a_setting(editor):
    first, second, third = (sign_in(editor) for _ in range(3))
    assert [signed_in(first), signed_in(second), signed_in(third)] == [False, True, True]


def test_r41_administrator_ends_all_sessions_of_a_person_with_a_reason(editor, administrator):
    """ASVS 7.4.5. Fails before this change: an administrator had no way to sign someone out."""
    browsers = [sign_in(editor), sign_in(editor, agent=CHROME_ANDROID)]
    admin_browser = Client()
    login_with_otp(admin_browser, administrator)
    edit = admin_browser.get(reverse("wagtailusers_users:edit", args=[editor.pk])).content.decode()
    url = reverse("prongsai_accounts:user_sessions", args=[editor.pk])
    assert url in edit
    listing = admin_browser.get(url).content.decode()
    assert listing.count('data-testid="session"') == 2

    refused = admin_browser.post(url, {"reason": "  "})
    assert "กรุณาระบุเหตุผล" in refused.content.decode()
    assert all(signed_in(browser) for browser in browsers)

    response = admin_browser.post(url, {"reason": "ลืมออกจากระบบที่ห้องประชุม"})
    assert response.status_code == 302
    assert not any(signed_in(browser) for browser in browsers)
    entry = ModelLogEntry.objects.get(action="prongsai.account.sessions_ended_by_administrator")
    assert entry.user_id == administrator.pk
    assert entry.data == {"ended": 2, "reason": "ลืมออกจากระบบที่ห้องประชุม"}


def test_r41_only_an_administrator_may_end_someone_elses_sessions(editor, administrator):
    other = give_role(UserFactory(username="publisher-x"), Role.PUBLISHER)
    browser = Client()
    login_with_otp(browser, other)
    url = reverse("prongsai_accounts:user_sessions", args=[editor.pk])
    editor_browser = sign_in(editor)
    assert denied(browser.get(url))
    assert denied(browser.post(url, {"reason": "x"}))
    assert signed_in(editor_browser)
    assert not ModelLogEntry.objects.filter(
        action="prongsai.account.sessions_ended_by_administrator"
    ).exists()
    admin_browser = Client()
    login_with_otp(admin_browser, administrator)
    own = reverse("prongsai_accounts:user_sessions", args=[administrator.pk])
    assert denied(admin_browser.get(own))  # one's own: the "my sessions" screen


def denied(response) -> bool:
    """Wagtail answers a refused admin page with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_r41_changing_the_password_ends_the_other_sessions(editor):
    laptop, phone = sign_in(editor), sign_in(editor, agent=CHROME_ANDROID)
    response = laptop.post(
        reverse("prongsai_accounts:change_password"),
        {
            "current_password": PASSWORD,
            "new_password1": "ฟ้าใส-Longer-Passphrase-2569",
            "new_password2": "ฟ้าใส-Longer-Passphrase-2569",
        },
    )
    assert response.status_code == 302
    assert signed_in(laptop)
    assert not signed_in(phone)
    listing = laptop.get(MINE).content.decode()
    assert listing.count('data-testid="session"') == 1
    # The row follows the session's new key: ending it from elsewhere still works.
    row = StaffSession.objects.get(user=editor)
    assert row.session_key == laptop.session.session_key


def test_r41_a_two_factor_reset_ends_every_session_of_the_account(editor, administrator):
    TOTPDevice.objects.create(user=editor, name="โทรศัพท์", confirmed=True)
    browser = sign_in(editor)
    reset_two_factor(editor, by=administrator, reason="โทรศัพท์หาย")
    assert SESSION_KEY not in browser.session
    assert not StaffSession.objects.filter(user=editor).exists()
    entry = ModelLogEntry.objects.get(action="prongsai.account.sessions_ended")
    assert entry.data == {"ended": 1, "reason": "two_factor_reset"}


def test_r41_deactivating_an_account_ends_its_sessions(editor, administrator):
    browser = sign_in(editor)
    admin_browser = Client()
    login_with_otp(admin_browser, administrator)
    url = reverse("wagtailusers_users:edit", args=[editor.pk])
    form = admin_browser.get(url).context["form"]
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update({"username": editor.username, "email": editor.email, "is_active": "", "groups": []})
    data["groups"] = [group.pk for group in editor.groups.all()]
    data.pop("is_active")
    admin_browser.post(url, data)
    editor.refresh_from_db()
    assert not editor.is_active
    assert not StaffSession.objects.filter(user=editor).exists()
    assert SESSION_KEY not in browser.session
