"""The admin in Thai at 360 and 1440 px, signed in as a demo webmaster (issue 11 items 10, 11).

Screenshots go to test-artifacts/screenshots/admin-thai-*; the Thai font (fonts-thai-tlwg,
`make system-deps`) is what makes them show Thai and not boxes on a fresh machine.
"""

import pytest
from wagtail.models import Page

from prongsai.core.guides import GUIDES

from .conftest import WIDTHS, screenshot
from .test_public_site import WEBMASTER, sign_in_to_admin

pytestmark = pytest.mark.browser

KNOWN_BAD = ["หลายหน้า", "เว็บไซด์", "เรีบยร้อย", "ที่ผ่านมา", "ลงชื่อเข้าใช้ในWagtail"]


def _assert_thai(page, where):
    text = page.inner_text("body")
    assert not [bad for bad in KNOWN_BAD if bad in text], where
    assert not page.console_errors, (where, page.console_errors)


@pytest.mark.parametrize("width", WIDTHS)
def test_r44_admin_screens_read_in_thai_at_both_widths(demo_site, open_page, width):
    page = open_page(f"{demo_site.url}/admin/login/", width)
    assert page.get_by_role("heading", name="เข้าสู่ระบบหลังบ้าน").is_visible()
    assert page.get_by_text("ลืมรหัสผ่าน?").is_visible()
    screenshot(page, f"admin-thai-login-{width}")
    sign_in_to_admin(page, demo_site.url, *WEBMASTER)

    news = Page.objects.get(slug="news").pk if Page.objects.filter(slug="news").exists() else None
    home = Page.objects.filter(depth=2).first().pk
    screens = {
        "dashboard": "/admin/",
        "explorer": f"/admin/pages/{news or home}/",
        "editor": f"/admin/pages/{home}/edit/",
        "documents": "/admin/documents/",
    }
    for guide in GUIDES[:3]:
        screens[f"help-{guide.slug}"] = f"/admin/help/{guide.slug}/"
    for name, path in screens.items():
        page.goto(f"{demo_site.url}{path}")
        page.wait_for_load_state("networkidle")
        _assert_thai(page, name)
        screenshot(page, f"admin-thai-{name}-{width}")
    page.goto(f"{demo_site.url}/admin/help/publishing/")
    assert page.get_by_role("heading", level=1).inner_text() == "คู่มือการขอเผยแพร่ข้อมูล"
    assert page.get_by_role("heading", level=2).first.inner_text().startswith("การขอเผยแพร่")
    # The page does not scroll sideways at 360 px: long Thai lines and tables wrap or scroll inside.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, overflow
