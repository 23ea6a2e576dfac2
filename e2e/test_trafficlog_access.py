"""R40/R43 in a real browser: the traffic coordinator verifies two-factor, searches traffic data
by IP and path, exports CSV with a manifest and records a hold; a webmaster gets 403."""

import contextlib
import csv
import io
import json
import re
import urllib.request
import zipfile

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.conftest import screenshot
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import current_totp_token, give_role, totp_device
from prongsai.accounts.tests.factories import UserFactory
from prongsai.trafficlog.models import Hold, TrafficAccess

pytestmark = pytest.mark.browser
PASSWORD = "Correct-Horse-Battery-9"
PROBE = "/probe-evidence-2569/"


@pytest.fixture
def traffic_site(transactional_db, live_server, settings, tmp_path):
    settings.TRAFFIC_DIR = tmp_path / "traffic"
    settings.TRAFFIC_REQUIRE_2FA = True
    for number in range(3):  # requests the live server records (404s are traffic too)
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(f"{live_server.url}{PROBE}?n={number}")  # noqa: S310
    return live_server


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/"))


def search(page, today):
    page.fill("#id_start", f"{today}T00:00")
    page.fill("#id_end", f"{today}T23:59")
    page.fill("#id_ip", "127.0.0.1")
    page.fill("#id_path_contains", "probe-evidence")
    page.fill("#id_reason", "หนังสือ สอท. ที่ 0001/2569 ขอข้อมูลจราจร")
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page.locator("h2", has_text="พบ 3 รายการ")).to_be_visible()
    expect(page.locator("table.listing tbody tr")).to_have_count(3)


def same_session(browser, page, width):
    """Another window of the same verified session (a TOTP code cannot be used twice)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
    context.add_cookies(page.context.cookies())
    narrow = context.new_page()
    narrow.console_errors = []
    narrow.on("console", lambda m: m.type == "error" and narrow.console_errors.append(m.text))
    return narrow


def test_r40_coordinator_searches_by_ip_and_path_and_exports_csv_with_manifest(
    traffic_site, open_page, browser
):
    coordinator = give_role(UserFactory(username="coordinator"), Role.TRAFFIC_COORDINATOR)
    totp_device(coordinator)  # enrolled earlier (enrolment itself: e2e/test_accounts_signin.py)
    url = traffic_site.url
    page = open_page(f"{url}/admin/login/", 1440)
    sign_in(page, url, "coordinator")

    # Not yet verified in this session: refused (and recorded), with the way to verify.
    page.goto(f"{url}/staff/traffic-data/")
    page.get_by_role("link", name="ยืนยันตัวตนสองขั้นตอน").click()
    page.wait_for_url(re.compile(r"/admin/accounts/two-factor/"))
    page.fill("#id_token", current_totp_token(coordinator))
    page.click("form.prongsai-account-form button[type=submit]")
    page.wait_for_url(f"{url}/staff/traffic-data/")
    page.console_errors.clear()  # the 403 above is expected; nothing else may fail

    today = timezone.localdate().isoformat()
    search(page, today)
    screenshot(page, "trafficlog-search-1440")
    narrow = same_session(browser, page, 360)  # a fresh load: the admin lays out on load
    narrow.goto(f"{url}/staff/traffic-data/")
    search(narrow, today)
    screenshot(narrow, "trafficlog-search-360")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="ส่งออก CSV พร้อมบัญชีตรวจสอบ").click()
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    manifest = json.loads(archive.read("manifest.json"))
    rows = list(csv.DictReader(io.StringIO(archive.read("records.csv").decode("utf-8-sig"))))
    assert manifest["record_count"] == 3 and manifest["exported_by"] == "coordinator"
    assert {row["client_ip"] for row in rows} == {"127.0.0.1"}
    assert all(row["path"].startswith(PROBE) for row in rows)
    assert {row["segment"] for row in rows} <= {item["segment"] for item in manifest["segments"]}
    assert list(TrafficAccess.objects.order_by("at").values_list("action", "outcome")) == [
        ("search", "denied"),
        ("search", "allowed"),
        ("search", "allowed"),
        ("export", "allowed"),
    ]

    page.goto(f"{url}/staff/traffic-data/holds/")
    page.fill("#id_order_reference", "ดศ 0205/2569")
    page.fill("#id_reason", "พนักงานเจ้าหน้าที่สั่งให้เก็บรักษาข้อมูลจราจรเพื่อการสอบสวน")
    page.fill("#id_range_start", f"{today}T00:00")
    page.fill("#id_range_end", f"{today}T23:59")
    page.fill("#id_keep_until", f"{timezone.localdate().year + 1}-12-31")
    page.get_by_role("button", name="บันทึกคำสั่ง").click()
    expect(page.locator("table.traffic-holds")).to_contain_text("ดศ 0205/2569")
    assert Hold.objects.get().created_by == coordinator
    screenshot(page, "trafficlog-holds-1440")
    narrow.goto(f"{url}/staff/traffic-data/holds/")
    screenshot(narrow, "trafficlog-holds-360")
    assert page.console_errors == [] and narrow.console_errors == []


def test_r40_webmaster_gets_403_on_traffic_data_and_the_attempt_is_recorded(
    traffic_site, open_page
):
    give_role(UserFactory(username="webmaster"), Role.WEBMASTER)
    page = open_page(f"{traffic_site.url}/admin/login/", 360)
    sign_in(page, traffic_site.url, "webmaster")
    for path in ("/staff/traffic-data/", "/staff/traffic-data/holds/"):
        response = page.goto(f"{traffic_site.url}{path}")
        assert response.status == 403
        assert "127.0.0.1" not in page.content()
    screenshot(page, "trafficlog-webmaster-403-360")
    assert TrafficAccess.objects.filter(outcome="denied", username="webmaster").count() == 2
