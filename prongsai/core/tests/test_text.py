"""thai_slugify: readable Thai page addresses that keep vowel and tone marks."""

import unicodedata

import pytest
from django.utils.text import slugify

from prongsai.core.text import thai_slugify


def test_keeps_thai_vowel_and_tone_marks_that_django_slugify_drops():
    title = "ข่าวประชาสัมพันธ์ การฉีดวัคซีนไข้หวัดใหญ่"
    assert slugify(title, allow_unicode=True) != thai_slugify(title)  # Django mangles it
    assert thai_slugify(title) == "ข่าวประชาสัมพันธ์-การฉีดวัคซีนไข้หวัดใหญ่"


def test_spaces_punctuation_and_thai_symbols_become_single_hyphens():
    assert thai_slugify("  ประกาศฯ (ฉบับที่ 2/2569) : เรื่อง น้ำท่วม!! ") == (
        "ประกาศ-ฉบับที่-2-2569-เรื่อง-น้ำท่วม"
    )
    assert thai_slugify("COVID-19 Vaccine ปี ๒๕๖๙") == "covid-19-vaccine-ปี-๒๕๖๙"
    assert thai_slugify("ดีมากๆ ฿100") == "ดีมาก-100"


def test_nfc_normalises_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Café สำนักงาน")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert thai_slugify(decomposed) == unicodedata.normalize("NFC", "café-สำนักงาน")
    assert thai_slugify("snake_case title") == "snake-case-title"


def test_truncation_never_cuts_a_mark_off_its_consonant():
    # ป ร ะ ช า ส ั ม พ ั น ธ ์ : the 7th character is the mark ั on ส.
    assert thai_slugify("ประชาสัมพันธ์", max_length=6) == "ประชา"
    assert thai_slugify("ประชาสัมพันธ์", max_length=7) == "ประชาสั"
    assert thai_slugify("ประชาสัมพันธ์", max_length=12) == "ประชาสัมพัน"
    assert thai_slugify("ประชาสัมพันธ์", max_length=13) == "ประชาสัมพันธ์"


def test_truncation_drops_a_dangling_leading_vowel_and_hyphen():
    assert thai_slugify("ข่าว เเ", max_length=6) == "ข่าว"
    assert thai_slugify("ข่าว ไป", max_length=6) == "ข่าว"


def test_empty_or_symbol_only_titles_give_an_empty_slug():
    assert thai_slugify("") == ""
    assert thai_slugify("!!! ฯ ๆ") == ""


def test_page_slugs_with_thai_marks_pass_model_and_admin_form_validation(db):
    from django.core.exceptions import ValidationError
    from django.forms import modelform_factory
    from wagtail.models import Page

    slug = thai_slugify("ข่าวประชาสัมพันธ์ ฉบับที่ 1")
    field = Page._meta.get_field("slug")
    field.run_validators(slug)  # would raise with Django's validate_unicode_slug
    form_field = modelform_factory(Page, fields=["slug"])().fields["slug"]
    assert form_field.clean(slug) == slug
    for bad in ("มี ช่องว่าง", "a/b", "ข่าว?"):
        try:
            form_field.clean(bad)
        except ValidationError:
            continue
        raise AssertionError(f"{bad!r} should be refused")


def test_r21_truncation_never_cuts_a_number_in_two():
    title = "รายงานผลการดำเนินงานประจำเดือนธันวาคม 2569"
    slug = thai_slugify(title, max_length=len(thai_slugify(title)) - 2)
    assert slug == "รายงานผลการดำเนินงานประจำเดือนธันวาคม"
    assert thai_slugify("ปี 2569 รายงาน", max_length=6) == "ปี"


def test_r21_slug_made_only_of_marks_is_refused_with_a_thai_message():
    from django.core.exceptions import ValidationError

    from prongsai.core.text import validate_thai_slug

    assert thai_slugify("\u0e31\u0e48\u0e49") == ""
    with pytest.raises(ValidationError) as error:
        validate_thai_slug("\u0e31\u0e48-\u0e49")
    assert "ไม่ใช่สระหรือวรรณยุกต์อย่างเดียว" in error.value.messages[0]
    validate_thai_slug("ประชาสัมพันธ์-2569")  # a readable one still passes
