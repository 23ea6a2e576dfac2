"""R32 in a real browser: the webmaster finds the seeded broken link, fixes it, re-checks, signs off."""

import pytest
from django.test import Client

from e2e.conftest import WIDTHS, screenshot
from prongsai.accounts.testing import give_role

pytestmark = pytest.mark.browser


def _webmaster_session(live_server):
    """webmaster1 from the demo, holding the webmaster role and its page permissions."""

    from prongsai.accounts.models import User
    from prongsai.accounts.roles import Role
    from prongsai.core.models import AgencySettings

    # The demo's webmaster holds the role as production grants it (the synced group).
    user = give_role(User.objects.get(username="webmaster1"), Role.WEBMASTER)
    # The demo's own-site links are on its main domain (www.example.go.th): the check counts
    # them as this site's, whatever address the test server has.
    assert AgencySettings.objects.filter(main_domain="www.example.go.th").exists()
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def _open_as_webmaster(browser, live_server, session, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH")
    host = live_server.url.removeprefix("http://").split(":")[0]
    context.add_cookies([{"name": "sessionid", "value": session, "domain": host, "path": "/"}])
    page = context.new_page()
    page.goto(live_server.url + path)
    return context, page


def test_r32_webmaster_finds_fixes_rechecks_and_signs_off(browser, demo_site):
    from prongsai.monitoring.demo import BROKEN_LINK_URL
    from prongsai.monitoring.models import DailyCheckSignOff
    from prongsai.sitepages.models import LinkCollectionPage

    session = _webmaster_session(demo_site)
    context, page = _open_as_webmaster(
        browser, demo_site, session, "/admin/monitoring/daily-check/", 1440
    )
    page.get_by_role("button", name="ตรวจอีกครั้ง").click()
    internal = page.locator('[data-check="monitoring-internal-links"]')
    assert BROKEN_LINK_URL in internal.inner_text()
    _screenshots(browser, demo_site, session, "broken")

    # Fix it where a webmaster would: the page editor, then publish.
    collection = LinkCollectionPage.objects.get(slug="agencies")
    page.goto(f"{demo_site.url}/admin/pages/{collection.pk}/edit/")
    page.locator(f'input[value="{BROKEN_LINK_URL}"]').fill("https://www.example.go.th/news/")
    with page.expect_navigation():
        page.evaluate("document.querySelector(\"button[name='action-publish']\").click()")

    page.goto(f"{demo_site.url}/admin/monitoring/daily-check/")
    page.get_by_role("button", name="ตรวจอีกครั้ง").click()
    internal = page.locator('[data-check="monitoring-internal-links"]')
    assert BROKEN_LINK_URL not in internal.inner_text()
    assert "ไม่พบปัญหา" in internal.inner_text()

    page.get_by_label("บันทึกข้อผิดพลาดที่พบและการแก้ไข").fill(
        "แก้ลิงก์ประกาศรับสมัครงานฉบับเดิมที่ชี้ไปหน้าที่ถูกลบ ให้ชี้ไปหน้าข่าวประชาสัมพันธ์"
    )
    page.get_by_role("button", name="ลงนามการตรวจ").click()
    assert "ลงนามแล้วโดย" in page.locator(".daily-check-signed").inner_text()
    assert DailyCheckSignOff.objects.get().user.username == "webmaster1"
    _screenshots(browser, demo_site, session, "signed")
    context.close()


def _screenshots(browser, live_server, session, state):
    for width in WIDTHS:
        context, page = _open_as_webmaster(
            browser, live_server, session, "/admin/monitoring/daily-check/", width
        )
        screenshot(page, f"monitoring-daily-check-{state}-{width}")
        context.close()
