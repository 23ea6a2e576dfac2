import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from prongsai.search.models import SearchQueryStat
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


def test_result_shows_category_and_buddhist_era_date(client, notice):
    html = search(client, q="ถนน").content.decode()
    assert "ข่าวประชาสัมพันธ์" in html
    assert "1 พฤศจิกายน 2569" in html  # published_date 2026-11-01 in the Buddhist era


def test_thai_digits_match_arabic_digits(client, news_index, unit):
    add_page(news_index, m.NewsPage, title="แผนปฏิบัติราชการ 2569", slug="plan", **metadata(unit))
    html = search(client, q="แผนปฏิบัติราชการ ๒๕๖๙").content.decode()
    assert 'href="/news/plan/"' in html


def test_latin_codes_inside_thai_text_are_found(client, news_index, unit):
    add_page(news_index, m.NewsPage, title="ข้อมูลตัวชี้วัดO12ของITA", slug="o12", **metadata(unit))
    assert 'href="/news/o12/"' in search(client, q="O12").content.decode()
    assert 'href="/news/o12/"' in search(client, q="ita").content.decode()


def test_unpublished_expired_and_private_pages_are_never_found(client, news_index, unit):
    from wagtail.models import PageViewRestriction

    add_page(
        news_index,
        m.NewsPage,
        title="ร่างประกาศลับเฉพาะ",
        slug="draft",
        publish=False,
        live=False,
        **metadata(unit),
    )
    expired = add_page(
        news_index, m.NewsPage, title="ประกาศลับเฉพาะหมดอายุ", slug="old", **metadata(unit)
    )
    m.NewsPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(days=1))
    private = add_page(
        news_index, m.NewsPage, title="ประกาศลับเฉพาะภายใน", slug="private", **metadata(unit)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = search(client, q="ลับเฉพาะ").content.decode()
    assert "/news/draft/" not in html
    assert "/news/old/" not in html
    assert "/news/private/" not in html
    assert "ไม่พบข้อมูลที่ตรงกับ" in html


def test_category_filter_keeps_only_that_category(client, notice, home_page, unit):
    laws = add_page(home_page, m.LawIndexPage, title="กฎหมาย", slug="laws")
    add_page(
        laws,
        m.LawPage,
        title="ระเบียบการจัดซื้อจัดจ้าง",
        slug="reg",
        law_kind="regulation",
        **metadata(unit),
    )
    html = search(client, q="จัดซื้อจัดจ้าง", category="laws").content.decode()
    assert "/laws/reg/" in html
    assert "/news/notice/" not in html


def test_fiscal_year_filter_uses_the_publication_date(client, news_index, unit):
    add_page(
        news_index,
        m.NewsPage,
        title="ประกาศรับสมัครงาน ก",
        slug="fy69",
        **metadata(unit, published_date=dt.date(2026, 1, 5)),
    )
    add_page(
        news_index,
        m.NewsPage,
        title="ประกาศรับสมัครงาน ข",
        slug="fy68",
        **metadata(unit, published_date=dt.date(2025, 3, 5)),
    )
    with time_machine.travel(dt.datetime(2026, 2, 1, tzinfo=dt.UTC)):
        html = search(client, q="รับสมัครงาน", year="2026").content.decode()
    assert "/news/fy69/" in html
    assert "/news/fy68/" not in html


def test_results_are_paginated_ten_per_page(client, news_index, unit):
    for number in range(12):
        add_page(
            news_index,
            m.NewsPage,
            title=f"ข่าวกิจกรรมชุมชน {number}",
            slug=f"n{number}",
            **metadata(unit),
        )
    first = search(client, q="กิจกรรมชุมชน").content.decode()
    second = search(client, q="กิจกรรมชุมชน", page="2").content.decode()
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2
    assert "หน้า 1 จาก 2" in first


def test_nothing_found_explains_in_thai_and_suggests_category_pages(client, notice, news_index):
    html = search(client, q="ยานอวกาศ").content.decode()
    assert "ไม่พบข้อมูลที่ตรงกับ “ยานอวกาศ”" in html
    assert 'class="search-suggestions"' in html
    assert 'href="/news/"' in html


def test_queries_are_counted_per_day_without_who_searched(client, notice):
    search(client, q="  จัดซื้อจัดจ้าง ")
    search(client, q="จัดซื้อจัดจ้าง")
    search(client, q="ยานอวกาศ")
    stats = {
        s.query: (s.searches, s.searches_without_results) for s in SearchQueryStat.objects.all()
    }
    assert stats == {"จัดซื้อจัดจ้าง": (2, 0), "ยานอวกาศ": (1, 1)}
    assert {f.name for f in SearchQueryStat._meta.fields} == {
        "id",
        "day",
        "query",
        "searches",
        "searches_without_results",
    }


def test_webmaster_report_lists_searches_without_results(client, notice, superuser):
    search(client, q="ยานอวกาศ")
    client.force_login(superuser)
    html = client.get(reverse("search_admin:no_results")).content.decode()
    assert "ยานอวกาศ" in html


def test_reports_are_closed_to_staff_without_the_webmaster_role(client, notice):
    from prongsai.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(username="editor", is_staff=True))
    assert client.get(reverse("search_admin:no_results")).status_code in (302, 403)


def test_issue20_a_result_kept_by_the_process_shows_the_page_as_edited(client, home_page, unit):
    """What a result shows is kept per process under the site's generation (ADR 0340): an
    edited and republished page shows its new title and text in the next search."""
    from prongsai.sitepages import models as m
    from prongsai.sitepages.tests.factories import add_page, metadata

    news_index = add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    page = add_page(
        news_index, m.NewsPage, title="ประกาศรับสมัครอาสาสมัคร", slug="volunteers", **metadata(unit)
    )
    html = client.get("/search/", {"q": "อาสาสมัคร"}).content.decode()
    assert 'href="/news/volunteers/"' in html and "รอบสอง" not in html
    page.title = "ประกาศรับสมัครอาสาสมัครสาธารณสุข รอบสอง"
    page.save_revision().publish()
    html = client.get("/search/", {"q": "อาสาสมัคร"}).content.decode()
    assert "รอบสอง" in html
