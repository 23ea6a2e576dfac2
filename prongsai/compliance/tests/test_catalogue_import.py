"""Catalogues are versioned data: shipped files load; bad files are refused whole (R34)."""

import textwrap

import pytest
from django.core.management import CommandError, call_command

from prongsai.compliance.catalogue_io import (
    SHIPPED_DIR,
    CatalogueFileError,
    import_catalogue,
    read_csv,
    read_file,
    read_yaml,
    validate,
)
from prongsai.compliance.models import Catalogue, CatalogueItem, EvidenceLink
from prongsai.compliance.rules import PeriodRule

from .conftest import SMALL_CATALOGUE, load_yaml_catalogue


@pytest.mark.django_db
def test_r34_the_four_shipped_catalogues_are_loaded_on_migrate():
    counts = {c.slug: c.items.count() for c in Catalogue.objects.all()}
    assert counts == {"gws-2-0": 27, "oia-2540": 13, "ita-oit-2568": 27, "ita-oit-2569": 26}


@pytest.mark.django_db
def test_r34_unverified_items_of_the_research_notes_are_marked_in_the_data():
    unverified = set(
        CatalogueItem.objects.filter(catalogue__slug="ita-oit-2569", unverified=True).values_list(
            "code", flat=True
        )
    )
    assert unverified == {"O2", "O3", "O5", "O6", "O7"}
    assert CatalogueItem.objects.get(catalogue__slug="ita-oit-2568", code="O27").unverified


def test_r34_every_shipped_file_is_valid():
    paths = sorted(SHIPPED_DIR.glob("*.yaml"))
    # The four lists the migration loads; an empty or moved folder must fail, not pass.
    assert [path.stem for path in paths] == ["gws-2-0", "ita-oit-2568", "ita-oit-2569", "oia-2540"]
    for path in paths:
        fields, items = validate(read_file(path))
        assert fields["slug"] == path.stem and items, path


def _bad(text):
    with pytest.raises(CatalogueFileError) as caught:
        validate(read_yaml(textwrap.dedent(text)))
    return [(error.line, error.message) for error in caught.value.errors]


HEADER = """\
catalogue:
  slug: small-test
  scheme: ita-oit
  year: 2570
  title: รายการแก้ไข
items:
"""


def test_r34_duplicate_code_is_refused_with_its_line():
    errors = _bad(
        HEADER
        + """\
  - code: A1
    title_th: ข้อแรก
  - code: A1
    title_th: ข้อซ้ำ
"""
    )
    assert errors == [(9, "รหัสข้อ A1 ซ้ำกับบรรทัด 7")]


def test_r34_unknown_period_rule_is_refused_with_its_line():
    errors = _bad(
        HEADER
        + """\
  - code: A1
    title_th: ข้อแรก
    period: last-month
"""
    )
    assert len(errors) == 1
    assert errors[0][0] == 7
    assert "ไม่รู้จักเกณฑ์ช่วงเวลา 'last-month'" in errors[0][1]
    assert PeriodRule.CURRENT_FY.value in errors[0][1]


def test_r34_missing_thai_title_is_refused_with_its_line():
    errors = _bad(
        HEADER
        + """\
  - code: A1
    title_th: ข้อแรก
  - code: A2
    title_en: English only
"""
    )
    assert errors == [(9, "ข้อ A2 ไม่มีชื่อภาษาไทย (title_th)")]


def test_unknown_rule_values_are_refused():
    errors = _bad(
        HEADER
        + """\
  - code: A1
    title_th: ข้อแรก
    rule: {news_kinds: [gossip], page_types: [sitepages.NoSuchPage], colour: [red]}
"""
    )
    messages = " ".join(message for _line, message in errors)
    assert "gossip" in messages and "sitepages.NoSuchPage" in messages and "colour" in messages
    assert {line for line, _m in errors} == {7}


@pytest.mark.django_db
def test_r34_a_refused_file_leaves_the_catalogue_in_use_untouched(site, small_catalogue, home_page):
    item = small_catalogue.items.get(code="A1")
    EvidenceLink.objects.create(item=item, site=site, page=home_page)
    before = list(small_catalogue.items.values_list("code", "title_th", "period"))
    bad = SMALL_CATALOGUE.replace("title: รายการทดสอบ", "title: ชื่อใหม่").replace(
        "  - code: A8", "  - code: A1"
    )
    with pytest.raises(CatalogueFileError):
        import_catalogue(read_yaml(textwrap.dedent(bad)))
    small_catalogue.refresh_from_db()
    assert small_catalogue.title == "รายการทดสอบ"
    assert list(small_catalogue.items.values_list("code", "title_th", "period")) == before
    assert EvidenceLink.objects.filter(item=item).exists()


@pytest.mark.django_db
def test_r34_a_corrected_list_keeps_links_of_items_whose_code_stays(
    site, small_catalogue, home_page
):
    item = small_catalogue.items.get(code="A1")
    EvidenceLink.objects.create(item=item, site=site, page=home_page)
    corrected = SMALL_CATALOGUE.replace("title_th: โครงสร้างองค์กร", "title_th: โครงสร้างและอำนาจหน้าที่")
    corrected = corrected.split("  - code: A8")[0]  # A8 removed from next year's list
    catalogue = load_yaml_catalogue(corrected)
    assert catalogue.pk == small_catalogue.pk
    assert catalogue.items.get(code="A1").title_th == "โครงสร้างและอำนาจหน้าที่"
    assert not catalogue.items.filter(code="A8").exists()
    assert EvidenceLink.objects.filter(item__code="A1", item__catalogue=catalogue).count() == 1


CSV_TEXT = """\
# slug: csv-test
# scheme: ita-oit-sector
# year: 2570
# title: รายการจากไฟล์ CSV
code,title_th,group,period,count,news_kinds,keywords,unverified
B1,ข่าวประชาสัมพันธ์,9.1,current-fiscal-year,1,general|photo,,
B2,ประกาศ No Gift,10.1,current-fiscal-year,1,,No Gift|ของขวัญ,yes
"""


@pytest.mark.django_db
def test_csv_catalogue_is_imported_with_list_cells():
    catalogue, created = import_catalogue(read_csv(CSV_TEXT))
    assert created
    b1, b2 = catalogue.items.order_by("sort_order")
    assert b1.rule == {"news_kinds": ["general", "photo"]}
    assert b2.rule == {"keywords": ["No Gift", "ของขวัญ"]} and b2.unverified


def test_csv_errors_carry_the_file_line_number():
    bad = CSV_TEXT.replace("B2,ประกาศ No Gift", "B1,")
    with pytest.raises(CatalogueFileError) as caught:
        validate(read_csv(bad))
    lines = {error.line for error in caught.value.errors}
    assert lines == {7}
    assert "ซ้ำกับบรรทัด 6" in str(caught.value)


@pytest.mark.django_db
def test_import_command_prints_every_error_and_changes_nothing(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text(
        textwrap.dedent(
            HEADER
            + """\
  - code: A1
    title_th: ข้อแรก
  - code: A1
    period: sometimes
"""
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="รายการเดิมไม่ถูกเปลี่ยนแปลง"):
        call_command("import_catalogue", str(path))
    err = capsys.readouterr().err
    assert "บรรทัด 9: รหัสข้อ A1 ซ้ำกับบรรทัด 7" in err
    assert "บรรทัด 9: ข้อ A1 ไม่มีชื่อภาษาไทย" in err
    assert "sometimes" in err
    assert not Catalogue.objects.filter(slug="small-test").exists()


@pytest.mark.django_db
def test_import_command_loads_a_good_file(tmp_path, capsys):
    path = tmp_path / "good.yaml"
    path.write_text(textwrap.dedent(SMALL_CATALOGUE), encoding="utf-8")
    call_command("import_catalogue", str(path))
    assert "small-test (8 ข้อ)" in capsys.readouterr().out
    assert Catalogue.objects.get(slug="small-test").items.count() == 8


def test_r34_an_ita_list_without_fiscal_year_assesses_the_fiscal_year_of_its_year():
    fields, _items = validate(read_yaml(HEADER + "  - {code: A1, title_th: ข้อแรก}\n"))
    assert fields["fiscal_year"] == 2570


def test_r34_a_list_without_an_assessment_year_keeps_fiscal_year_empty():
    text = HEADER.replace("scheme: ita-oit", "scheme: gws") + "  - {code: A1, title_th: ข้อแรก}\n"
    fields, _items = validate(read_yaml(text))
    assert fields["fiscal_year"] is None


def test_r34_a_christian_era_fiscal_year_is_refused_with_its_line():
    errors = _bad(
        HEADER.replace("  year: 2570\n", "  year: 2570\n  fiscal_year: 2027\n")
        + "  - {code: A1, title_th: ข้อแรก}\n"
    )
    assert errors == [(2, "ปีงบประมาณ (fiscal_year) 2027 ไม่ใช่ปี พ.ศ. (ค.ศ. 2027 คือ พ.ศ. 2570)")]
