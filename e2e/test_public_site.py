"""Browser: the public site of the demo agency (R1–R14) and a webmaster publishing news.

Every page below loads with no console error at 360 and 1440 px, passes axe-core with no
serious or critical violation, and is saved as a screenshot for a person to look at.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e.conftest import WIDTHS, axe_violations, screenshot
from prongsai.core.templatetags.thai_dates import filesize_th

pytestmark = pytest.mark.browser

# The home page and one page of every category of the standard.
PAGES = {
    "home": "/",
    "r1-agency": "/about/history/",
    "r1-executives": "/about/executives/",
    "r1-contact": "/about/contact/",
    "r2-law": "/laws/public-health-act/",
    "r3-knowledge": "/knowledge/dengue-statistics/",
    "r4-links": "/links/agencies/",
    "r5-oia": "/oia/",
    "r6-operations-manual": "/operations-manuals/complaint-handling/",
    "r7-service-manual": "/service-manuals/food-business-licence/",
    "r8-news-index": "/news/",
    "r8-news": "/news/procurement-result-road/",
    "r8-events": "/news/events/",
    "r8-gallery": "/news/gallery/",
    "r9-eservices": "/e-services/",
    "r10-statistics": "/statistics/",
    "r11-cio": "/cio/",
    "sitemap": "/sitemap/",
    "not-found": "/no-such-page/",
}

WEBMASTER = ("webmaster1", "Prongsai-Web1-2569")  # printed by `make demo`


def test_r1_to_r14_public_pages_load_cleanly_and_pass_axe_at_360_and_1440(demo_site, open_page):
    problems = []
    for name, path in PAGES.items():
        for width in WIDTHS:
            page = open_page(demo_site.url + path, width)
            expect(page.locator("h1").first).to_be_visible()
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{path} @{width}: {overflow}px horizontal scroll")
            errors = page.console_errors
            if name == "not-found":  # Chromium logs the page's own 404 status; that is expected
                errors = [e for e in errors if "status of 404" not in e]
            problems += [f"{path} @{width}: console: {e}" for e in errors]
            problems += [f"{path} @{width}: axe: {v}" for v in axe_violations(page)]
            screenshot(page, f"public-{name}-{width}")
            page.context.close()
    assert not problems, "\n".join(problems)


def test_r14_mobile_menu_opens_with_keyboard_and_skip_link_reaches_content(demo_site, open_page):
    page = open_page(demo_site.url + "/", 360)
    toggle = page.locator(".nav-toggle")
    expect(toggle).to_be_visible()
    expect(page.locator("#main-nav-list")).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#main-nav-list")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    screenshot(page, "public-home-menu-open-360")
    page.keyboard.press("Shift+Tab")
    page.goto(demo_site.url + "/news/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


def sign_in_to_admin(page, base_url, username, password):
    """The one place the browser tests sign in to the Wagtail admin (adapt here for 2FA)."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def fill_date(page, selector, value):
    """Type a date as staff do (day/month/Buddhist-era year) and leave the field."""
    page.fill(selector, value)
    page.press(selector, "Escape")


def test_r8_r12_webmaster_publishes_news_with_an_attachment_and_sees_it_public(
    demo_site, open_page, tmp_path
):
    from prongsai.accounts.models import Unit
    from prongsai.sitepages.models import AgencyDocument, NewsIndexPage

    news_index = NewsIndexPage.objects.get()
    unit = Unit.objects.get(code="pr")
    pdf = Path(tmp_path) / "vaccine-schedule.pdf"
    from weasyprint import HTML

    # A real PDF: uploads are checked by content (ADR 0150).
    pdf.write_bytes(HTML(string="<p>ตารางฉีดวัคซีน</p>").write_pdf())

    page = open_page(demo_site.url + "/admin/login/", 1440)
    sign_in_to_admin(page, demo_site.url, *WEBMASTER)

    # 1. Upload the document with its metadata (R12).
    page.goto(demo_site.url + "/admin/documents/add/")
    page.fill("#id_title", "ตารางฉีดวัคซีนไข้หวัดใหญ่ ปี 2570")
    page.set_input_files("#id_file", str(pdf))
    fill_date(page, "#id_info_period_start", "01/11/2569")
    fill_date(page, "#id_published_date", "21/11/2569")
    page.select_option("#id_owner_unit", str(unit.pk))
    page.fill("#id_source", "งานประชาสัมพันธ์")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/documents/$"))
    document = AgencyDocument.objects.get(title="ตารางฉีดวัคซีนไข้หวัดใหญ่ ปี 2570")

    # 2. Write the news item, attach the document, fill the metadata, publish.
    page.goto(f"{demo_site.url}/admin/pages/add/sitepages/newspage/{news_index.pk}/")
    page.fill("#id_title", "เชิญชวนฉีดวัคซีนไข้หวัดใหญ่ฟรี")
    page.fill("#id_introduction", "กลุ่มเสี่ยงรับวัคซีนฟรีที่โรงพยาบาลใกล้บ้าน")
    page.select_option("#id_news_kind", "general")
    attachments = page.locator("[data-contentpath='attachments']")
    # One block type: "+" inserts a document block straight away, then its chooser opens.
    attachments.locator("button.c-sf-add-button").first.click()
    attachments.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal").get_by_role("link", name=document.title).click()
    expect(attachments).to_contain_text(document.title)
    fill_date(page, "#id_info_period_start", "01/11/2569")
    fill_date(page, "#id_published_date", "21/11/2569")
    page.select_option("#id_owner_unit", str(unit.pk))
    page.fill("#id_source", "งานประชาสัมพันธ์ สำนักงานสาธารณสุขจังหวัดตัวอย่าง")
    page.click("#id_introduction")  # a click elsewhere closes the date picker, as for a person
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    screenshot(page, "public-admin-news-editor-1440")
    # "เผยแพร่" sits in the menu next to "บันทึกฉบับร่าง".
    page.locator("footer button.w-dropdown__toggle").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    # 3. The public site shows it with its metadata and the download's type and size.
    public = open_page(demo_site.url + "/news/", 360)
    public.get_by_role("link", name="เชิญชวนฉีดวัคซีนไข้หวัดใหญ่ฟรี").click()
    main = public.locator("main")
    expect(main.locator("h1")).to_have_text("เชิญชวนฉีดวัคซีนไข้หวัดใหญ่ฟรี")
    expect(main.locator(".metadata")).to_contain_text(unit.name)
    expect(main.locator(".metadata")).to_contain_text("งานประชาสัมพันธ์ สำนักงานสาธารณสุข")
    expect(main.locator(".metadata")).to_contain_text("21 พฤศจิกายน 2569")
    expect(main.locator(".downloads")).to_contain_text(document.title)
    # The PDF's size depends on the fonts WeasyPrint embedded on this machine: the page must
    # show the size of the file that was uploaded, whatever it is.
    expect(main.locator(".downloads .file-info")).to_have_text(
        f"(PDF, {filesize_th(pdf.stat().st_size)})"
    )
    assert not public.console_errors
    screenshot(public, "public-news-published-360")
