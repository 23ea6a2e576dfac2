"""Listings cost the same on any page number and for any filter (issue 21, R8).

A crawler asking for ``?page=999999`` or an unknown ``?kind=`` gets the last page allowed or
the whole listing, from the same few queries as page 1; older items are reached by search.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from prongsai.core import sitecache
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def render_every_listing(settings):
    """These tests measure the listing's own queries: no HTML kept (test_kept_listing.py)."""
    settings.PRONGSAI_FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def news(home_page, unit, monkeypatch):
    monkeypatch.setattr(m.NewsIndexPage, "items_per_page", 5)
    monkeypatch.setattr(m.NewsIndexPage, "max_listing_pages", 3)
    index = add_page(home_page, m.NewsIndexPage, slug="news", title="ข่าว")
    for i in range(25):
        add_page(index, m.NewsPage, slug=f"n{i}", title=f"ข่าวที่ {i}", **metadata(unit))
    return index


def test_r8_deep_page_numbers_show_the_last_page_allowed_and_point_to_search(client, news):
    client.get("/news/")  # the count is now cached for this site generation
    client.get("/news/?page=2")  # and what each process loads once is loaded
    with CaptureQueriesContext(connection) as on_first:
        first = client.get("/news/")
    with CaptureQueriesContext(connection) as on_deep:
        deep = client.get("/news/?page=999999")
    assert first.status_code == deep.status_code == 200
    assert len(on_deep) == len(on_first)
    assert not any("COUNT(" in query["sql"].upper() for query in on_deep)
    assert any("LIMIT 5 OFFSET 10" in query["sql"] for query in on_deep)
    assert deep.context["items"].number == 3
    html = deep.content.decode()
    assert "หน้า 3 จาก 3" in html and 'href="/search/"' in html
    assert 'href="/search/"' not in first.content.decode().split("<footer")[0].split("<main")[1]


def test_r8_unknown_kind_shows_the_whole_listing(client, news):
    response = client.get("/news/?kind=no-such-kind")
    assert response.status_code == 200
    assert response.context["current_kind"] == ""
    assert response.context["items"].paginator.count == 25


def test_r8_listing_count_follows_a_publication_on_its_site_only(client, news, unit):
    other_home = add_page(news.get_parent().get_parent(), m.HomePage, slug="other")
    other = Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert client.get("/news/").context["items"].paginator.count == 25
    other_token = sitecache.token(other.pk)
    add_page(news, m.NewsPage, slug="late", title="ข่าวล่าสุด", **metadata(unit))
    assert client.get("/news/").context["items"].paginator.count == 26
    assert sitecache.token(other.pk) == other_token  # the other site keeps its cached work
