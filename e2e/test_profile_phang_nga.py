"""R64 Phang Nga (seed 004) walked through the running system: the province's own site.

ข้อ 2.1 responsive on every device; ข้อ 2.2 the minimum browsers and the document reader named
at the foot of the site; ข้อ 2.3 staff sign in with a password that is stored only as a hash (the
named governor sets it through the link the loader printed); ข้อ 3 follow-up per fiscal year in
6- and 12-month rounds. The agencies that report to the province and their round deadlines are
the parent-body app's walk.
"""

import io
import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core.management import call_command

from e2e.conftest import WIDTHS, axe_violations, point_site_at, screenshot
from prongsai.accounts.models import User

NEW_PASSWORD = "พังงา-เว็บไซต์-ปลอดภัย-2569"


@pytest.fixture
def phang_nga(transactional_db, live_server, settings):
    settings.PRONGSAI_REQUIRE_2FA = False
    out = io.StringIO()
    call_command("load_profile", "phang-nga", stdout=out)
    point_site_at(live_server)
    links = dict(re.findall(r"^\s+(\S+)\s+(\S+/password_reset/\S+)$", out.getvalue(), re.M))
    return {"url": live_server.url, "links": links}


def test_r64_phang_nga_responsive_site_with_its_notices_hashed_staff_login_and_fiscal_rounds(
    open_page, phang_nga
):
    # ข้อ 2.1, 2.2: the public site at a phone's and a desk's width, notices at its foot.
    for width in WIDTHS:
        page = open_page(phang_nga["url"] + "/", width)
        footer = page.inner_text("footer")
        assert "Chrome, Edge, Firefox หรือ Safari" in footer
        assert "โปรแกรมอ่าน PDF" in footer
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert axe_violations(page) == []
        screenshot(page, f"profile-phang-nga-home-{width}")

    # ข้อ 2.3: the governor named in the announcement sets a password through the link.
    governor = User.objects.get(username="governor")
    assert governor.get_full_name() == "นายสิทธิชัย ศักดา" and not governor.has_usable_password()
    path = urlparse(phang_nga["links"]["governor"]).path
    page = open_page(phang_nga["url"] + path, 360)
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    screenshot(page, "profile-phang-nga-set-password-360")
    page.click("form button[type=submit], form input[type=submit]")
    page.wait_for_load_state()
    governor.refresh_from_db()
    # Stored only as a hash (Argon2 in production; the test settings use a faster hasher).
    assert identify_hasher(governor.password) and NEW_PASSWORD not in governor.password
    assert governor.check_password(NEW_PASSWORD)

    page = open_page(phang_nga["url"] + "/admin/login/", 1440)
    page.fill("#id_username", "governor")
    page.fill("#id_password", NEW_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/(?!login).*"))

    # ข้อ 3: the policy page shows the fiscal-year rounds and the governor as the one reported to.
    page.goto(phang_nga["url"] + "/admin/agency-policy/")
    text = page.inner_text("main")
    assert "รอบ 6 เดือนและรอบ 12 เดือนของปีงบประมาณ" in text
    assert "นายสิทธิชัย ศักดา" in text
    screenshot(page, "profile-phang-nga-policy-1440")
