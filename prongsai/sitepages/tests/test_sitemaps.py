"""The sitemap index and the HTML site map stay small and complete at any size (issue 21, R13).

The part size is set small here so a few pages fill several parts: what a site of 50,000
items does with parts of 5,000.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from prongsai.sitepages import models as m
from prongsai.sitepages import sitemaps
from prongsai.sitepages.tests.factories import add_page, metadata, whole_sitemap

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(home_page, unit, monkeypatch):
    monkeypatch.setattr(sitemaps, "PART_SIZE", 3)
    news = add_page(home_page, m.NewsIndexPage, slug="news", title="ข่าว")
    laws = add_page(home_page, m.LawIndexPage, slug="laws", title="กฎหมาย")
    for i in range(7):
        add_page(news, m.NewsPage, slug=f"n{i}", title=f"ข่าว {i}", **metadata(unit))
    add_page(news, m.NewsPage, slug="ข่าวภาษาไทย", title="ข่าวไทย", **metadata(unit))
    add_page(laws, m.LawPage, slug="act", law_kind="act", **metadata(unit))
    add_page(news, m.NewsPage, slug="withdrawn", **metadata(unit)).unpublish()
    hidden = add_page(laws, m.LawPage, slug="hidden", law_kind="act", **metadata(unit))
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    return home_page, news, laws


def _locs(text: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", text)


def test_r13_sitemap_index_lists_every_public_page_once_across_bounded_parts(client, site_pages):
    home, news, _laws = site_pages
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    part_urls = _locs(index.content.decode())
    # the top part, then news in 3 parts (8 items by 3), then laws in one
    assert [u.removeprefix("http://localhost") for u in part_urls] == [
        "/sitemaps/0-1.xml",
        f"/sitemaps/{news.pk}-1.xml",
        f"/sitemaps/{news.pk}-2.xml",
        f"/sitemaps/{news.pk}-3.xml",
        f"/sitemaps/{site_pages[2].pk}-1.xml",
    ]
    page_urls = [u for u in _locs(whole_sitemap(client)) if "/sitemaps/" not in u]
    expected = {
        "http://localhost" + page.url
        for page in Page.objects.live().descendant_of(home, inclusive=True).public()
    }
    assert len(page_urls) == len(set(page_urls)) == len(expected) == 12
    assert set(page_urls) == expected
    assert "http://localhost/news/%E0%B8%82" in whole_sitemap(client)  # Thai slug, encoded
    part = client.get(f"/sitemaps/{news.pk}-3.xml")
    assert "no-cache" in part["Cache-Control"]  # served from Django's cache, never stale in nginx
    assert client.get(f"/sitemaps/{news.pk}-4.xml").status_code == 404
    assert client.get("/sitemaps/999999-1.xml").status_code == 404


def test_r13_sitemaps_come_from_the_cache_until_their_site_changes(client, site_pages, unit):
    _home, news, _laws = site_pages
    whole_sitemap(client)
    with CaptureQueriesContext(connection) as queries:
        whole_sitemap(client)
    assert not [q for q in queries if "wagtailcore_page" in q["sql"]]
    add_page(news, m.NewsPage, slug="fresh", title="ข่าวใหม่", **metadata(unit))
    assert "/news/fresh/" in whole_sitemap(client)


def test_r13_each_site_has_its_own_sitemap(client, site_pages, unit):
    home, _news, _laws = site_pages
    other_home = add_page(home.get_parent(), m.HomePage, slug="other", title="อีกเว็บ")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    add_page(other_home, m.StandardPage, slug="about", title="เกี่ยวกับ")
    other = whole_sitemap_for(client, "other.example")
    assert "http://other.example/about/" in other and "/news/" not in other
    assert "other.example" not in whole_sitemap(client)


def whole_sitemap_for(client, host: str) -> str:
    index = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    parts = [client.get(u.split(host, 1)[1], HTTP_HOST=host) for u in _locs(index)]
    return "".join(part.content.decode() for part in parts)


def test_r13_html_site_map_lists_sections_and_their_first_items(client, site_pages, monkeypatch):
    home, _news, _laws = site_pages
    monkeypatch.setattr(m.SitemapPage, "items_per_section", 3)
    add_page(home, m.SitemapPage, slug="sitemap", title="แผนผังเว็บไซต์")
    html = client.get("/sitemap/").content.decode()
    assert 'href="/news/"' in html and 'href="/laws/"' in html
    assert 'href="/news/n2/"' in html and 'href="/news/n3/"' not in html
    assert "ดูทั้งหมดในข่าว" in html  # the rest of the news is one click further
    assert 'href="/laws/act/"' in html and "/laws/hidden/" not in html
    assert "ดูทั้งหมดในกฎหมาย" not in html
