"""What counts as the same word (ADR 0062, 0221): the same normalisation at index and query time."""

import re

import pytest

from prongsai.search import thai
from prongsai.search.selectors import candidates
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("ของราชการพ.ศ.๒๕๔๐", ["ของ", "ราชการ", "พุทธศักราช", "2540"]),
        ("ค.ศ. 2026", ["คริสต์ศักราช", "2026"]),
        ("ผลไม้ฯลฯ", ["ผลไม้"]),
        ("กรุงเทพฯ", ["กรุงเทพ"]),
        ("ต่างๆๆ", ["ต่าง"]),
        ("ต่าง ๆ", ["ต่าง"]),
        ("จ.ขอนแก่น", ["จังหวัด", "ขอนแก่น"]),
        ("อ.เมือง", ["อำเภอ", "เมือง"]),
        ("ต.ในเมือง", ["ตำบล", "ใน", "เมือง"]),
        ("ม.3", ["หมู่", "3"]),
        ("1 ม.ค. 2569", ["1", "ม", "ค", "2569"]),
        ("ขอ.", ["ขอ"]),
        ("แบบ สขร.1", ["แบบ", "สรุป", "ผล", "การ", "จัดซื้อจัดจ้าง", "1"]),
        ("NoGiftPolicy", ["nogiftpolicy"]),
        ("e-service", ["eservice"]),
        ("O12", ["o12"]),
    ],
)
def test_written_forms_become_the_same_words(written, expected):
    assert thai.words(written) == expected


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("NoGiftPolicy", ("no", "gift", "policy")),
        ("eService", ("e", "service")),
        ("e-service", ("e", "service")),
        ("OneStopService", ("one", "stop", "service")),
        ("ITAOnline", ("ita", "online")),
        ("O12", ()),
        ("ITA", ()),
    ],
)
def test_latin_words_written_together_are_compounds_of_their_pieces(written, parts):
    assert thai.latin_parts(written) == parts


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


def _page(parent, unit, slug, title):
    return add_page(parent, m.NewsPage, title=title, slug=slug, **metadata(unit))


def _found(query):
    return [c.pk for c in candidates(query) if c.kind == "page"]


@pytest.mark.django_db
def test_words_before_a_glued_abbreviation_are_found(news_index, unit):
    page = _page(news_index, unit, "law", "พ.ร.บ.ข้อมูลข่าวสารของราชการพ.ศ.๒๕๔๐")
    assert _found("ข้อมูลข่าวสารของราชการ") == [page.pk]
    assert _found("พระราชบัญญัติข้อมูลข่าวสาร 2540") == [page.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["No Gift Policy", "nogiftpolicy", "NoGiftPolicy", "gift"])
def test_camel_case_policy_name_is_found_by_its_words(news_index, unit, query):
    page = _page(news_index, unit, "ngp", "ประกาศเจตนารมณ์NoGiftPolicyประจำปี")
    assert _found(query) == [page.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["e-service", "eService", "eservice", "e service"])
def test_e_service_is_found_however_it_is_written(news_index, unit, query):
    hyphen = _page(news_index, unit, "hyphen", "ระบบ e-service ยื่นคำร้อง")
    camel = _page(news_index, unit, "camel", "บริการ eService ชำระภาษี")
    assert sorted(_found(query)) == sorted([hyphen.pk, camel.pk])


@pytest.mark.django_db
def test_repetition_mark_glued_or_spaced_finds_the_same_page(news_index, unit):
    page = _page(news_index, unit, "fees", "ค่าธรรมเนียมต่างๆ ของตำบล")
    assert _found("ค่าธรรมเนียมต่าง ๆ") == [page.pk]


@pytest.mark.django_db
def test_sara_ai_typed_the_wrong_way_still_finds_the_page(news_index, unit):
    page = _page(news_index, unit, "budget", "รายงานการใช้จ่ายงบประมาณ")
    assert _found("การไช้จ่ายงบประมาณ") == [page.pk]


@pytest.mark.parametrize(
    "text",
    [
        "ไข้เลือดออก",
        "ทํางาน น้ำประปา",  # sara am written as nikhahit + sara aa, and whole
        "ใช้ ไช้ ใบ",
        "แผนปฏิบัติราชการ ๒๕๖๙ (ฉบับปรับปรุง)",
        "No-Gift Policy O12 İstanbul ß",
        "ต่างๆ ฯลฯ กรุงเทพฯ",
    ],
)
def test_issue18_compact_title_equals_the_folded_text_without_punctuation(text):
    """The exact-title ordering's fast compact form (ADR 0320) is the folded text, Thai digits
    as Arabic, with everything but letters and digits removed (ADR 0222)."""
    from prongsai.core.thaidate import arabic_digits

    expected = re.sub(r"[\W_]+", "", thai.fold(arabic_digits(text).lower()))
    assert thai.compact(text) == expected
