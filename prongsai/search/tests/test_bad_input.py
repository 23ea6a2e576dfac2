"""Bad queries return a page quickly, execute nothing and reflect nothing unescaped (issue 8)."""

import time

import pytest

from prongsai.search.services import MAX_QUERY_LENGTH
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(home_page, unit):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    return add_page(news, m.NewsPage, title="ประกาศจัดซื้อจัดจ้าง", slug="n", **metadata(unit))


BAD_QUERIES = [
    "",
    "     ",
    "!!! ??? ... ---",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"จัดซื้อ" AND NOT NEAR(x) OR *',
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "政府采购公告",
    "مناقصة حكومية",
    "Закупки",
    "🔍🏛️",
    "ก" * 5000,
    "จัดซื้อ " * 400,
    "\x00\x1f\u200b",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_query_returns_a_page_quickly_without_reflecting_markup(client, notice, query):
    started = time.perf_counter()
    response = client.get("/search/", {"q": query})
    elapsed = time.perf_counter() - started
    html = response.content.decode()
    assert response.status_code == 200
    assert elapsed < 5
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert m.NewsPage.objects.filter(pk=notice.pk).exists()


def test_markup_in_the_query_is_shown_escaped(client, notice):
    html = client.get("/search/", {"q": "<b>จัดซื้อ</b>"}).content.decode()
    assert "&lt;b&gt;จัดซื้อ&lt;/b&gt;" in html


def test_long_query_is_cut_at_the_documented_length(client, notice):
    response = client.get("/search/", {"q": "จัดซื้อ" + "ข" * 1000})
    assert response.context["query"] == ("จัดซื้อ" + "ข" * 1000)[:MAX_QUERY_LENGTH]


def test_sql_words_in_a_query_are_searched_as_text(client, notice):
    response = client.get("/search/", {"q": "จัดซื้อ' OR '1'='1"})
    assert response.status_code == 200
    # "or" and "1" are words like any other: no page has them all, so the page with the
    # Thai word is found by the any-word fallback, and nothing else happens.
    assert 'href="/news/n/"' in response.content.decode()
    assert m.NewsPage.objects.count() == 1


@pytest.mark.parametrize("page", ["abc", "-1", "999999", "1e9"])
def test_bad_page_numbers_fall_back_to_a_valid_page(client, notice, page):
    assert client.get("/search/", {"q": "จัดซื้อ", "page": page}).status_code == 200


@pytest.mark.parametrize("params", [{"category": "<x>"}, {"year": "abc"}, {"year": "1"}])
def test_unknown_filters_are_ignored(client, notice, params):
    response = client.get("/search/", {"q": "จัดซื้อ", **params})
    assert response.status_code == 200
    assert 'href="/news/n/"' in response.content.decode()


HOSTILE_QUERIES = [
    "ก" * 2000,
    "a" * 2000,
    ("จัดซื้อ " * 300)[:2000],
    ".,;:!?()[]{}<>/\\|@#$%^&*_+=~`'\"",
    "\u0e48\u0e49\u0e4a\u0e4b\u0e47\u0e4c",  # Thai tone and other combining marks only
    "\u0301\u0302\u0303\u0308",  # Latin combining marks only
    '"',
    "*",
    "NEAR",
    "OR",
    "-",
    "จัดซื้อ OR ถนน",
    "NEAR(จัดซื้อ ถนน, 2)",
    '"จัดซื้อ*" -ถนน',
    "title:จัดซื้อ",
    "จัดซื้อ AND NOT ถนน",
    "\ufffd\ufffd",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_returns_a_normal_page_in_under_a_second(client, notice, query):
    client.get("/search/", {"q": "จัดซื้อ"})  # warm-up: tokenizer and dictionary loaded
    started = time.perf_counter()
    response = client.get("/search/", {"q": query})
    assert time.perf_counter() - started < 1
    assert response.status_code == 200
    assert response.context["query"] == " ".join(query.split())[:MAX_QUERY_LENGTH].strip()


def test_invalid_utf8_in_the_query_string_returns_a_normal_page(client, notice):
    response = client.generic("GET", "/search/", QUERY_STRING="q=%ff%fe%e0%b8&category=%c3%28")
    assert response.status_code == 200
    assert b"<form" in response.content
