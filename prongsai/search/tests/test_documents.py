"""Documents are found by their content; unreadable files are flagged (R12 documents, issue 8)."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile

from prongsai.core.dailycheck import registered_checks
from prongsai.search import corpus
from prongsai.search.extraction import extract_text
from prongsai.search.models import DocumentText
from prongsai.search.selectors import candidates
from prongsai.search.thai import repair_thai
from prongsai.sitepages.models import AgencyDocument

pytestmark = pytest.mark.django_db

THAI_TEXT = "ผลการตรวจวิเคราะห์คุณภาพน้ำประปา ผ่านเกณฑ์มาตรฐาน ทำการตรวจทุกเดือน"


def make_document(unit, title, name, data, **fields):
    document = AgencyDocument(
        title=title,
        file=ContentFile(data, name=name),
        owner_unit=unit,
        source="กองช่าง",
        info_period_start=dt.date(2025, 10, 1),
        published_date=dt.date(2025, 11, 1),
        **fields,
    )
    document.save()
    return document


def found(query, document):
    return ("document", document.pk) in [(c.kind, c.pk) for c in candidates(query)]


def test_text_of_a_real_thai_pdf_is_extracted_and_readable():
    text = extract_text(corpus.pdf_bytes("ประกาศ", THAI_TEXT), "pdf")
    assert "ผลการตรวจวิเคราะห์คุณภาพ" in text
    assert "ประปา" in text


def test_word_and_excel_text_is_extracted():
    assert "คุณภาพน้ำประปา" in extract_text(corpus.docx_bytes("หัวเรื่อง", THAI_TEXT), "docx")
    assert "คุณภาพน้ำประปา" in extract_text(corpus.xlsx_bytes("ตาราง", THAI_TEXT), "xlsx")


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("ท\u0e4d\u0e32งาน", "ทำงาน"),  # nikhahit + sara aa
        ("น\u0e4d\u0e49\u0e32", "น้ำ"),  # nikhahit, tone mark, sara aa
        ("น\u0e49\u0e4d\u0e32", "น้ำ"),  # tone mark, nikhahit, sara aa
        ("ป\uf70aระ", "ป่ระ"),  # legacy font glyph in the Private Use Area
        ("»ÃÐ¡ÒÈ" * 5, "ประกาศ" * 5),  # TIS-620 bytes read as Latin-1
    ],
)
def test_broken_thai_from_pdfs_is_repaired(broken, fixed):
    assert repair_thai(broken) == fixed


def test_uploaded_document_is_found_by_words_inside_its_pdf(
    unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            unit, "เอกสารแนบ 1", "notice.pdf", corpus.pdf_bytes("ผลตรวจ", THAI_TEXT)
        )
    assert DocumentText.objects.get(document=document).status == DocumentText.Status.DONE
    assert found("คุณภาพน้ำประปา", document)
    assert found("เกณฑ์มาตรฐาน", document)


def test_scanned_pdf_is_still_found_by_title_and_flagged_for_the_webmaster(
    unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            unit, "คำสั่งแต่งตั้งคณะกรรมการ", "scan.pdf", corpus.image_only_pdf_bytes()
        )
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.EMPTY
    assert found("คณะกรรมการ", document)
    check = next(c for c in registered_checks() if c.key == "search-unreadable-documents")
    findings = check.run(today=dt.date(2025, 11, 2))
    assert [f.summary for f in findings] == ["ค้นหาจากเนื้อหาไม่ได้: คำสั่งแต่งตั้งคณะกรรมการ"]


def test_broken_and_unsupported_files_are_flagged_without_error(
    unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        broken = make_document(unit, "ตารางเสีย", "broken.xlsx", b"not a zip file")
        legacy = make_document(unit, "คำสั่งเก่า", "old.doc", b"\xd0\xcf\x11\xe0 legacy")
    assert DocumentText.objects.get(document=broken).status == DocumentText.Status.FAILED
    assert DocumentText.objects.get(document=legacy).status == DocumentText.Status.UNSUPPORTED
    assert found("ตารางเสีย", broken)
    assert found("คำสั่งเก่า", legacy)


def test_documents_outside_their_publication_window_are_not_found(
    unit, django_capture_on_commit_callbacks
):
    past = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    future = dt.datetime(2099, 1, 1, tzinfo=dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        expired = make_document(
            unit, "ประกาศหมดอายุ", "a.docx", corpus.docx_bytes("ก", "ก"), publish_until=past
        )
        scheduled = make_document(
            unit, "ประกาศล่วงหน้า", "b.docx", corpus.docx_bytes("ข", "ข"), publish_from=future
        )
    assert not found("ประกาศหมดอายุ", expired)
    assert not found("ประกาศล่วงหน้า", scheduled)


MARKED_TEXT = "รายงานคุณภาพน้ำประปา ค่า pH ผ่านเกณฑ์ ฐานข้อมูลการทำงานของหน้าที่ประจำ"


def test_thai_pdf_made_with_the_project_fonts_extracts_exact_words():
    """prongsai.core.pdf merges Thai/Latin faces per weight with sara am glyphs (issue 8):
    tone marks, sara am, ฐ and Latin letters come out of the PDF as written."""
    text = extract_text(corpus.pdf_bytes("ทำงาน", MARKED_TEXT), "pdf")
    for word in ("น้ำ", "ทำงาน", "ฐาน", "pH", "หน้าที่", "ประจำ"):
        assert word in text, (word, text)


def test_word_with_tone_marks_is_highlighted_in_a_document_snippet(
    client, unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            unit, "ผลตรวจ", "water.pdf", corpus.pdf_bytes("ผลตรวจ", MARKED_TEXT)
        )
    assert found("น้ำ", document)
    html = client.get("/search/", {"q": "น้ำ"}).content.decode()
    assert "คุณภาพ<mark>น้ำ</mark>ประปา" in html
    assert "<mark>น้า</mark>" not in html  # "หน้าที่" is not "น้ำ"


def test_text_that_lost_its_tone_marks_is_still_found_and_highlighted(
    client, unit, django_capture_on_commit_callbacks
):
    """PDFs from legacy fonts lose tone marks and the nikhahit ("น้ำ" → "นา"); matching ignores
    them (ADR 0062) and so does highlighting."""
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            unit, "รายงาน", "old.docx", corpus.docx_bytes("รายงาน", "คุณภาพนาประปา ทางาน")
        )
    assert found("น้ำประปา", document)
    html = client.get("/search/", {"q": "น้ำประปา"}).content.decode()
    assert "คุณภาพ<mark>นาประปา</mark>" in html


def test_document_in_a_private_collection_is_not_found_by_public_search(
    client, unit, django_capture_on_commit_callbacks
):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="เอกสารภายใน")
    inner = private.add_child(name="เอกสารภายในฝ่ายคลัง")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    with django_capture_on_commit_callbacks(execute=True):
        hidden = make_document(
            unit, "บันทึกภายในลับ", "a.docx", corpus.docx_bytes("ก", "งบลับ"), collection=private
        )
        nested = make_document(
            unit, "บันทึกภายในลับ 2", "b.docx", corpus.docx_bytes("ข", "งบลับ"), collection=inner
        )
        public = make_document(unit, "บันทึกภายในลับ เผยแพร่", "c.docx", corpus.docx_bytes("ค", "ค"))
    assert not found("บันทึกภายในลับ", hidden)
    assert not found("งบลับ", nested)
    assert found("บันทึกภายในลับ", public)
    html = client.get("/search/", {"q": "บันทึกภายในลับ"}).content.decode()
    assert hidden.url not in html and nested.url not in html
    assert public.url in html
