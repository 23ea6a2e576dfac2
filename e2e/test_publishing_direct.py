"""Browser walk: publishing around the process (R21, R23, R32). On the demo agency, whose policy
lets publishers publish routine news directly, a publisher tries to publish a law page straight
from Wagtail's editor and is refused; a routine news item published directly is flagged in the
page list's "เผยแพร่โดยไม่มีคำขอ" filter and on the daily check's source."""

import re

from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from e2e.conftest import screenshot
from prongsai.publishing.models import DirectPublication
from prongsai.sitepages.models import LawIndexPage, LawPage, NewsIndexPage, NewsPage


def _signed_in(open_page, base_url, username, path, width):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page = open_page(base_url + "/admin/login/", width)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
    page.goto(base_url + path)
    return page


def test_r21_r23_publisher_is_refused_around_the_process_and_allowed_direct_publish_is_flagged(
    demo_site, open_page, settings
):
    settings.PRONGSAI_REQUIRE_2FA = False
    base = demo_site.url
    laws = LawIndexPage.objects.get()
    add_law = f"/admin/pages/add/sitepages/lawpage/{laws.pk}/"

    for width in (360, 1440):
        page = _signed_in(open_page, base, "publisher", add_law, width)
        # The editor says why, and offers no publish action for this category.
        expect(page.get_by_text("เผยแพร่ได้ผ่านคำขอเผยแพร่ที่ได้รับอนุมัติเท่านั้น")).to_be_visible()
        assert page.locator("button[name='action-publish']").count() == 0
        screenshot(page, f"publishing-direct-refused-editor-{width}")

    # A crafted "publish" (the button's name added by hand) is refused in Thai; nothing saved.
    page.fill("#id_title", "ระเบียบที่ไม่ผ่านคำขอ")
    page.evaluate(
        """() => {
          const form = document.getElementById('page-edit-form');
          const input = document.createElement('input');
          input.type = 'hidden'; input.name = 'action-publish'; input.value = 'action-publish';
          form.appendChild(input); form.submit();
        }"""
    )
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("เผยแพร่โดยตรงไม่ได้")
    screenshot(page, "publishing-direct-refused-1440")
    assert not LawPage.objects.filter(title="ระเบียบที่ไม่ผ่านคำขอ").exists()

    # A routine news item, which the demo policy allows, published from the editor.
    news = NewsIndexPage.objects.get()
    page = _signed_in(
        open_page, base, "publisher", f"/admin/pages/add/sitepages/newspage/{news.pk}/", 1440
    )
    page.fill("#id_title", "ปฏิทินกิจกรรมเดือนมกราคม")
    page.select_option("#id_news_kind", "general")
    page.fill("#id_info_period_start", "01/12/2569")
    page.press("#id_info_period_start", "Escape")
    page.fill("#id_published_date", "03/12/2569")
    page.press("#id_published_date", "Escape")
    page.select_option("#id_owner_unit", index=1)
    page.fill("#id_source", "งานประชาสัมพันธ์")
    page.click("#id_title")
    page.locator("footer button.w-dropdown__toggle").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    published = NewsPage.objects.get(title="ปฏิทินกิจกรรมเดือนมกราคม")
    assert published.live
    record = DirectPublication.objects.get(page=published)
    assert record.allowed and record.user.username == "publisher"

    for width in (360, 1440):
        listing = _signed_in(
            open_page,
            base,
            "webmaster1",
            "/admin/publication_pages/?published_without_request=direct",
            width,
        )
        expect(listing.locator("main")).to_contain_text("ปฏิทินกิจกรรมเดือนมกราคม")
        screenshot(listing, f"publishing-direct-flagged-{width}")
