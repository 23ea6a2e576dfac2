"""Ranking from a bounded pool of matches (ADR 0066). The pool is PostgreSQL's path; on SQLite
the same expectations hold through Wagtail's FTS5 ranking."""

import pytest

from prongsai.search import ranking
from prongsai.search.selectors import candidates
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


def news(parent, unit, slug, title, introduction="", **fields):
    return add_page(
        parent,
        m.NewsPage,
        title=title,
        slug=slug,
        introduction=introduction,
        **metadata(unit),
        **fields,
    )


def page_ids(query):
    return [c.pk for c in candidates(query) if c.kind == "page"]


def test_drafts_matching_first_do_not_push_published_pages_out_of_the_pool(
    news_index, unit, monkeypatch
):
    monkeypatch.setattr(ranking, "POOL_SIZE", 3)
    for number in range(5):
        news(
            news_index,
            unit,
            f"d{number}",
            f"ร่างราคากลางปูนซีเมนต์ {number}",
            publish=False,
            live=False,
        )
    first = news(news_index, unit, "p1", "ราคากลางปูนซีเมนต์ ไตรมาส 1")
    second = news(news_index, unit, "p2", "ราคากลางปูนซีเมนต์ ไตรมาส 2")
    assert sorted(page_ids("ราคากลาง ปูนซีเมนต์")) == sorted([first.pk, second.pk])


def test_title_match_ranks_above_a_match_in_the_body_only(news_index, unit):
    in_body = news(news_index, unit, "body", "ข่าวกิจกรรมประจำเดือน", "มีการประชุมเรื่องราคากลางปูนซีเมนต์")
    in_title = news(news_index, unit, "title", "ราคากลางปูนซีเมนต์ประจำปี")
    assert page_ids("ราคากลาง ปูนซีเมนต์") == [in_title.pk, in_body.pk]


def test_words_split_between_title_and_body_are_found(news_index, unit):
    page = news(news_index, unit, "split", "ประกาศราคากลาง", "งานจัดซื้อปูนซีเมนต์ของตำบล")
    news(news_index, unit, "other", "ประกาศราคากลางงานถนน", "งานถนนลูกรัง")
    assert page_ids("ราคากลาง ปูนซีเมนต์") == [page.pk]


def test_two_word_query_ranks_the_page_with_both_words_in_its_title_first(news_index, unit):
    # Enough other pages that both words are rare: Wagtail's SQLite formula multiplied
    # (1 + bm25) per word, and with bm25 below -1 the product's sign flipped, so the strongest
    # match sorted last.
    for number in range(12):
        news(news_index, unit, f"o{number}", f"ข่าวกิจกรรมชุมชนครั้งที่ {number}", "ประชุมประจำเดือน")
    weak = news(
        news_index,
        unit,
        "weak",
        "รายงานการประชุมสภาประจำปี",
        "วาระอื่น ๆ " * 30 + "มีการสอบถามเรื่องขยะและยุง",
    )
    strong = news(
        news_index,
        unit,
        "strong",
        "ขยะ ยุง ทุกหมู่บ้าน",
        "รณรงค์กำจัดขยะ ยุง",
    )
    assert page_ids("ขยะ ยุง") == [strong.pk, weak.pk]


def test_compound_written_whole_ranks_above_its_parts_scattered(news_index, unit):
    scattered = news(
        news_index,
        unit,
        "scattered",
        "ข่าวกิจกรรมออกหน่วยบริการ",
        "ผู้ป่วยมีไข้ให้ตรวจเลือดที่หน่วยบริการ ออกหน่วยทุกวันพุธ",
    )
    whole = news(news_index, unit, "whole", "ประชาสัมพันธ์ข่าวสุขภาพ", "ระวังไข้เลือดออกช่วงฤดูฝน")
    assert page_ids("ไข้เลือดออก")[0] == whole.pk
    assert scattered.pk != whole.pk


def test_words_adjacent_and_in_order_rank_above_the_same_words_apart(news_index, unit):
    apart = news(
        news_index, unit, "apart", "ประกาศเรื่องน้ำ", "งานประปาหมู่บ้าน " * 5 + "ตรวจคุณภาพดินและน้ำ"
    )
    together = news(news_index, unit, "together", "ประกาศเรื่องน้ำ", "ตรวจคุณภาพน้ำประปาหมู่บ้าน")
    assert page_ids("คุณภาพน้ำประปา")[0] == together.pk
    assert apart.pk in page_ids("คุณภาพน้ำประปา")


def test_exact_title_ranks_first_even_against_a_title_repeating_the_words(news_index, unit):
    repeating = news(
        news_index,
        unit,
        "repeat",
        "แผนพัฒนาท้องถิ่น แผนพัฒนาท้องถิ่น เพิ่มเติม",
        "แผนพัฒนาท้องถิ่น " * 10,
    )
    exact = news(news_index, unit, "exact", "แผนพัฒนาท้องถิ่น", "เอกสารแนบ")
    assert page_ids("แผนพัฒนา ท้องถิ่น")[0] == exact.pk
    assert repeating.pk in page_ids("แผนพัฒนา ท้องถิ่น")


def test_long_unspaced_title_holding_the_query_ranks_above_a_short_weaker_title(news_index, unit):
    long_title = news(
        news_index,
        unit,
        "long",
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจตำแหน่งผู้ช่วยนักวิชาการเงินและบัญชี",
    )
    short = news(news_index, unit, "short", "ข่าวนักวิชาการ", "ผู้ช่วยงานการเงินและบัญชี")
    assert page_ids("ผู้ช่วยนักวิชาการเงินและบัญชี")[0] == long_title.pk
    assert short.pk in page_ids("ผู้ช่วยนักวิชาการเงินและบัญชี")
