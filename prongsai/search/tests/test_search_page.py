import pytest

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

NOTICE = "ประกาศผลการจัดซื้อจัดจ้างโครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก"


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


@pytest.fixture
def notice(news_index, unit):
    return add_page(news_index, m.NewsPage, title=NOTICE, slug="notice", **metadata(unit))


def search(client, **params):
    return client.get("/search/", params)


def test_thai_word_inside_a_title_is_found_and_highlighted(client, notice):
    response = search(client, q="จัดซื้อจัดจ้าง")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>จัดซื้อจัดจ้าง</mark>" in html
    assert 'href="/news/notice/"' in html


@pytest.mark.parametrize("query", ["ถนน", "คอนกรีต", "ก่อสร้างถนน", "ผลการจัดซื้อ"])
def test_parts_of_thai_compounds_are_found(client, notice, query):
    assert 'href="/news/notice/"' in search(client, q=query).content.decode()
