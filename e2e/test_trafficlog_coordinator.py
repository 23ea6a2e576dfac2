"""R40/R43 in a real browser: the coordinator checks the traffic data's integrity, downloads the
signed result, and reads who accessed traffic data and why (Buddhist-era dates)."""

import json
import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import screenshot
from e2e.test_trafficlog_access import same_session, sign_in, traffic_site  # noqa: F401
from prongsai.accounts.roles import Role
from prongsai.accounts.testing import current_totp_token, give_role, totp_device
from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.thaidate import buddhist_year
from prongsai.trafficlog import attest
from prongsai.trafficlog.models import TrafficAccess
from prongsai.trafficlog.sealing import seal_and_checkpoint

pytestmark = pytest.mark.browser


def test_r40_coordinator_verifies_downloads_the_signed_result_and_reads_the_access_log(
    traffic_site,  # noqa: F811
    open_page,
    browser,
):
    from django.utils import timezone

    coordinator = give_role(UserFactory(username="coordinator"), Role.TRAFFIC_COORDINATOR)
    totp_device(coordinator)
    seal_and_checkpoint()
    url = traffic_site.url
    page = open_page(f"{url}/admin/login/", 1440)
    sign_in(page, url, "coordinator")
    page.goto(f"{url}/staff/traffic-data/verify/")  # refused until verified: the way to verify
    page.get_by_role("link", name="ยืนยันตัวตนสองขั้นตอน").click()
    page.wait_for_url(re.compile(r"/admin/accounts/two-factor/"))
    page.fill("#id_token", current_totp_token(coordinator))
    page.click("form.prongsai-account-form button[type=submit]")
    page.wait_for_url(f"{url}/staff/traffic-data/verify/")
    page.console_errors.clear()  # the 403 above is expected; nothing else may fail

    page.get_by_role("button", name="ตรวจเดี๋ยวนี้").click()
    expect(page.locator(".traffic-verify-result h2")).to_contain_text("ถูกต้อง")
    screenshot(page, "trafficlog-verify-1440")
    narrow = same_session(browser, page, 360)
    narrow.goto(f"{url}/staff/traffic-data/verify/")
    narrow.get_by_role("button", name="ตรวจเดี๋ยวนี้").click()
    expect(narrow.locator(".traffic-verify-result h2")).to_contain_text("ถูกต้อง")
    screenshot(narrow, "trafficlog-verify-360")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="ตรวจและดาวน์โหลดผลที่ลงนามแล้ว").click()
    signed = json.loads(download_info.value.path().read_text(encoding="utf-8"))
    assert attest.check(signed) and signed["result"]["ok"] is True

    page.get_by_role("link", name="บันทึกการเข้าถึงข้อมูลจราจร").first.click()
    page.wait_for_url(re.compile(r"/staff/traffic-data/accesses/"))
    table = page.locator("table.traffic-accesses")
    expect(table).to_contain_text("ตรวจความครบถ้วน")
    expect(table).to_contain_text(str(buddhist_year(timezone.localdate())))
    screenshot(page, "trafficlog-accesses-1440")
    narrow.goto(f"{url}/staff/traffic-data/accesses/")
    screenshot(narrow, "trafficlog-accesses-360")
    actions = list(TrafficAccess.objects.order_by("at").values_list("action", flat=True))
    assert actions == ["verify", "verify", "verify", "verify", "accesses", "accesses"]
    assert TrafficAccess.objects.filter(outcome="denied").count() == 1
    assert page.console_errors == [] and narrow.console_errors == []
