"""A visitor finds a procurement notice by a Thai word inside its title (issue 8).

One test loads the demo once and checks both widths: the demo loader needs Wagtail's root page,
which a second transactional test in the same session no longer has.
"""

from e2e.conftest import WIDTHS, screenshot

NOTICE_TITLE = "ประกาศจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก"


def test_visitor_finds_procurement_notice_by_thai_words_inside_its_title(demo_site, open_page):
    for width in WIDTHS:
        page = open_page(f"{demo_site.url}/search/", width)
        missing = []
        page.on("response", lambda r, missing=missing: r.status == 404 and missing.append(r.url))
        page.fill("#search-q", "ถนน")
        page.click("form.search-form button[type=submit]")
        page.wait_for_selector(".search-results")
        link = page.locator(".search-result h2 a", has_text=NOTICE_TITLE).first
        assert link.is_visible()
        assert link.locator("mark").first.inner_text() == "ถนน"
        screenshot(page, f"search-public-thai-word-{width}")
        # The theme has no favicon yet (reported to the lead): its 404 is the only tolerated error.
        assert all(url.endswith("/favicon.ico") for url in missing), missing
        favicon_missing = page.request.get(f"{demo_site.url}/favicon.ico").status == 404
        assert [e for e in page.console_errors if not (favicon_missing and "404" in e)] == []

    page = open_page(f"{demo_site.url}/search/?q=จัดซื้อจัดจ้าง")
    assert NOTICE_TITLE in page.locator(".search-result h2").all_inner_texts()
    assert page.locator(".search-result h2 mark", has_text="จัดซื้อจัดจ้าง").count() >= 1

    # A misspelled query (ซ/ช) gets "คุณหมายถึง" from the site's own words (issue 18, ADR 0270).
    page = open_page(f"{demo_site.url}/search/?q=จัดชื้อจัดจ้าง", 360)
    suggestion = page.locator(".search-did-you-mean a")
    assert suggestion.inner_text() == "จัดซื้อจัดจ้าง"
    screenshot(page, "search-public-did-you-mean-360")
    suggestion.click()
    page.wait_for_selector(".search-results")
    assert NOTICE_TITLE in page.locator(".search-result h2").all_inner_texts()
