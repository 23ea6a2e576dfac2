"""The in-memory site state (site, home page, menu, agency settings, restricted paths) is
reused between requests and follows every change on the very next request."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from prongsai.core import sitestate
from prongsai.core.models import AgencySettings
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


def menu_html(client):
    html = client.get("/").content.decode()
    nav = html.split('id="main-nav-list"', 1)[1].split("</ul>", 1)[0]
    return nav


@pytest.fixture
def news(home_page):
    return add_page(
        home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news", show_in_menus=True
    )


def test_state_is_reused_between_requests_and_rebuilt_after_a_page_is_saved(rf, news):
    sitestate.for_request(rf.get("/"))  # the first one also creates the agency settings
    first = sitestate.for_request(rf.get("/"))
    assert sitestate.for_request(rf.get("/news/")) is first

    news.title = "ข่าวสาร"
    news.save_revision().publish()

    rebuilt = sitestate.for_request(rf.get("/"))
    assert rebuilt is not first
    assert [item.title for item in rebuilt.menu] == ["ข่าวสาร"]


def test_menu_follows_publish_unpublish_and_hiding_without_a_restart(client, home_page, news):
    assert 'href="/news/" >ข่าวประชาสัมพันธ์<' in menu_html(client)

    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws", show_in_menus=True)
    assert 'href="/laws/" >กฎหมาย<' in menu_html(client)

    laws.unpublish()
    assert "กฎหมาย" not in menu_html(client)

    news.show_in_menus = False
    news.save_revision().publish()
    assert "ข่าวประชาสัมพันธ์" not in menu_html(client)


def test_agency_settings_change_shows_on_the_next_request(client, home_page):
    assert "หน่วยงานตัวอย่าง" in client.get("/").content.decode()
    agency = AgencySettings.for_site(Site.objects.get(is_default_site=True))
    agency.name_th = "สำนักงานสาธารณสุขจังหวัดทดสอบ"
    agency.save()
    html = client.get("/").content.decode()
    assert "สำนักงานสาธารณสุขจังหวัดทดสอบ" in html and "หน่วยงานตัวอย่าง" not in html


def test_a_new_view_restriction_applies_at_once_to_pages_below_it(client, news):
    item = add_page(news, m.NewsPage, slug="internal", **metadata())
    assert client.get("/news/internal/").status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/news/internal/")
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    assert client.get("/news/").status_code == 302

    restriction.delete()
    assert client.get(item.url).status_code == 200


def test_an_alias_of_a_restricted_page_stays_restricted(client, home_page, news):
    secret = add_page(news, m.NewsPage, slug="secret", **metadata())
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="รหัสลับ"
    )
    laws = add_page(home_page, m.LawIndexPage, slug="laws")
    secret.create_alias(parent=laws, update_slug="secret-copy")

    response = client.get("/laws/secret-copy/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()  # Wagtail's password form
    assert response["Cache-Control"].startswith("max-age=0")


def test_page_urls_are_the_ones_wagtail_gives_thai_slugs_included(rf, home_page, news):
    thai = add_page(news, m.NewsPage, title="ข่าวไทย", slug="ข่าว-ไข้เลือดออก", **metadata())
    add_page(news, m.NewsPage, slug="plain-slug", **metadata())
    request = rf.get("/", HTTP_HOST="localhost")
    state = sitestate.for_request(request)
    pages = [page.specific for page in Page.objects.filter(depth__gte=2)]
    assert len(pages) == 4
    for page in pages:
        assert state.page_url(page) == page.get_url(request=request), page.slug
    assert state.page_url(thai).startswith("/news/%E0%B8%82")  # percent-encoded as by reverse()


def test_with_a_second_site_links_come_from_wagtail(client, home_page, news):
    other_home = add_page(Page.get_first_root_node(), m.HomePage, title="อีกไซต์", slug="other")
    add_page(other_home, m.NewsIndexPage, slug="other-news", show_in_menus=True)
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)

    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert 'href="/news/">' in html and "other-news" not in html
    other = client.get("/", HTTP_HOST="other.example").content.decode()
    assert 'href="/other-news/">' in other and 'href="/news/"' not in other


def test_each_request_gets_its_own_copies(rf, news):
    state = sitestate.for_request(rf.get("/"))
    site_a, site_b = state.site_for_request(), state.site_for_request()
    assert site_a is not site_b and site_a.root_page is not site_b.root_page
    assert site_a.root_page == state.home and site_a.root_page is not state.home
    request = rf.get("/")
    agency = state.agency_for_request(request)
    assert agency is not state.agency and agency._request is request


@pytest.fixture
def two_sites(home_page, news):
    other_home = add_page(Page.get_first_root_node(), m.HomePage, title="อีกไซต์", slug="other")
    other_news = add_page(other_home, m.NewsIndexPage, slug="other-news", show_in_menus=True)
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    for host in ("localhost", "other.example"):  # the first request creates the agency settings
        sitestate.for_request(RequestFactory().get("/", HTTP_HOST=host))
    return news, other_news


def test_r_issue21_a_change_on_one_site_keeps_the_other_sites_state(rf, two_sites):
    """Issue 21 item 3: the site-generation token is per site (ADR 0291)."""
    news, other_news = two_sites
    first_a = sitestate.for_request(rf.get("/", HTTP_HOST="localhost"))
    first_b = sitestate.for_request(rf.get("/", HTTP_HOST="other.example"))
    assert first_a.site.pk != first_b.site.pk

    news.title = "ข่าวสาร"
    news.save_revision().publish()

    assert sitestate.for_request(rf.get("/", HTTP_HOST="other.example")) is first_b
    rebuilt_a = sitestate.for_request(rf.get("/", HTTP_HOST="localhost"))
    assert rebuilt_a is not first_a
    assert [item.title for item in rebuilt_a.menu] == ["ข่าวสาร"]

    other_news.title = "ข่าวอีกไซต์"
    other_news.save_revision().publish()
    assert sitestate.for_request(rf.get("/", HTTP_HOST="localhost")) is rebuilt_a
    assert [
        i.title for i in sitestate.for_request(rf.get("/", HTTP_HOST="other.example")).menu
    ] == ["ข่าวอีกไซต์"]


def test_r_issue21_a_site_setting_rebuilds_only_its_site_and_a_new_site_rebuilds_all(rf, two_sites):
    state_a = sitestate.for_request(rf.get("/", HTTP_HOST="localhost"))
    state_b = sitestate.for_request(rf.get("/", HTTP_HOST="other.example"))
    agency_b = AgencySettings.for_site(state_b.site)
    agency_b.name_th = "หน่วยงานอีกแห่ง"
    agency_b.save()
    assert sitestate.for_request(rf.get("/", HTTP_HOST="localhost")) is state_a
    state_b = sitestate.for_request(rf.get("/", HTTP_HOST="other.example"))
    assert state_b.agency.name_th == "หน่วยงานอีกแห่ง"

    third_home = add_page(Page.get_first_root_node(), m.HomePage, title="ไซต์ที่สาม", slug="third")
    Site.objects.create(hostname="third.example", port=80, root_page=third_home)
    assert sitestate.for_request(rf.get("/", HTTP_HOST="localhost")) is not state_a
    assert sitestate.for_request(rf.get("/", HTTP_HOST="other.example")) is not state_b


def test_r_issue21_a_request_reads_one_row_pair_when_nothing_changed(rf, two_sites):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sitestate.for_request(rf.get("/", HTTP_HOST="other.example"))
    with CaptureQueriesContext(connection) as queries:
        sitestate.for_request(rf.get("/", HTTP_HOST="other.example"))
    assert len(queries) == 1
