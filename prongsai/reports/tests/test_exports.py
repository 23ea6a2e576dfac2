"""R35: the approved report as an A4 PDF (Thai text extracts exactly) and as an XLSX."""

import io
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from prongsai.core.models import AgencySettings
from prongsai.reports import services
from prongsai.reports.exports import render_report_html, render_report_pdf, render_report_xlsx
from prongsai.reports.periods import Period
from prongsai.reports.tables import report_tables

from .conftest import at

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "reports"

WORD_PASTE = (
    "ผลการดำเนินงาน\u00a0\u00a0ไตรมาสนี้\u200b\u200bเผยแพร่ข่าวครบทุกหมวด\r\n"
    "\ufeffลิงก์: https://www.example.go.th/" + "a" * 180 + "\r\n" + "สำนักงานปลัดกระทรวง" * 40
)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def approved(history, site, people):
    agency = AgencySettings.for_site(site)
    agency.name_th = "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
    agency.save()
    with time_machine.travel(at(2026, 4, 1, 7, 10), tick=False):
        report = services.open_report(site=site, period=Period(2026, "r6"))
    services.save_written(
        people["webmaster"],
        report,
        data={
            "results": WORD_PASTE,
            "problems": "เจ้าของข้อมูลส่งคำขอล่าช้า",
            "obstacles": "บุคลากรไม่เพียงพอ",
            "suggestions": '=HYPERLINK("http://evil") อบรมเจ้าหน้าที่ใหม่',
        },
    )
    services.submit_report(people["webmaster"], report)
    with time_machine.travel(at(2026, 4, 20, 14, 30), tick=False):
        return services.approve_report(people["supervisor"], report)


def test_r35_pdf_thai_text_extracts_exactly_with_buddhist_dates_and_page_numbers(approved):
    data = render_report_pdf(approved)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "report-r6-2569.pdf").write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    text = pdf_text(data)
    flat = text.replace("\n", "")
    for expected in (
        "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",  # sara am intact
        "รายงานผลการดำเนินงานเว็บไซต์",
        "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569",
        "1 ตุลาคม 2568 – 31 มีนาคม 2569",
        "20 เมษายน 2569 14:30 น.",
        "ประเสริฐ มั่นคง",
        "ผู้อำนวยการกอง",
        "ผลการดำเนินงาน",
        "ปัญหา",
        "อุปสรรค",
        "ข้อเสนอแนะ",
        "เจ้าของข้อมูลส่งคำขอล่าช้า",
        "บุคลากรไม่เพียงพอ",
        "คำขอ g",  # the worst late case, by title
        "ความพึงพอใจต่อเนื้อหา",
        f"หน้า 1 จาก {len(reader.pages)}",
    ):
        assert expected in text, expected
    assert "ผลการดำเนินงาน ไตรมาสนี้เผยแพร่ข่าวครบทุกหมวด" in text  # cleaned Word paste
    assert "สานักงาน" not in text and "\u200b" not in text
    assert "https://www.example.go.th/" + "a" * 180 in flat


def test_r35_regenerating_an_approved_report_gives_the_same_bytes(approved):
    first = render_report_pdf(approved)
    first_xlsx = render_report_xlsx(approved)
    with time_machine.travel(at(2027, 2, 1, 8), tick=False):
        approved.refresh_from_db()
        assert render_report_pdf(approved) == first
        assert render_report_xlsx(approved) == first_xlsx


def test_r35_xlsx_holds_the_same_numbers_as_the_pdf_one_sheet_per_table(approved):
    book = load_workbook(io.BytesIO(render_report_xlsx(approved)))
    tables = report_tables(approved.snapshot)
    assert book.sheetnames == ["รายงาน", *[t.title[:31] for t in tables]]
    for table in tables:
        sheet = book[table.title[:31]]
        rows = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert [c.value for c in sheet[1]] == table.header
        assert rows == [list(row) for row in table.rows], table.title
    summary = dict(book["สรุปตัวเลขสำคัญ"].iter_rows(min_row=2, values_only=True))
    assert summary["คำขอเผยแพร่ที่ยื่น"] == 3
    assert summary["ค้างเผยแพร่เกินกำหนด ณ สิ้นรอบ"] == 1
    text = pdf_text(render_report_pdf(approved))
    assert "คำขอเผยแพร่ที่ยื่น 3" in text
    assert "ค้างเผยแพร่เกินกำหนด ณ สิ้นรอบ 1" in text


def test_r35_xlsx_cells_that_look_like_formulas_are_text(approved):
    book = load_workbook(io.BytesIO(render_report_xlsx(approved)))
    cell = next(
        row[1] for row in book["รายงาน"].iter_rows(min_row=2) if row[0].value == "ข้อเสนอแนะ"
    )
    assert cell.value == '=HYPERLINK("http://evil") อบรมเจ้าหน้าที่ใหม่'
    assert cell.data_type == "s"


def _overflowing_boxes(html: str) -> list:
    from weasyprint import HTML

    document = HTML(string=html).render()
    found = []
    for page in document.pages:
        box = page._page_box
        right = box.content_box_x() + box.width + 0.5

        def walk(node, right=right):
            for child in getattr(node, "children", []):
                if hasattr(child, "position_x") and child.position_x + child.margin_width() > right:
                    found.append(getattr(child, "text", type(child).__name__)[:40])
                walk(child)

        walk(box)
    return found


def test_r35_text_pasted_from_word_renders_without_overflowing_the_page(approved):
    assert _overflowing_boxes(render_report_html(approved)) == []


def test_r35_the_overflow_check_catches_an_unbreakable_line(approved):
    # The same page without the wrapping rules: the 180-letter address runs off the page.
    html = render_report_html(approved).replace("overflow-wrap: anywhere;", "")
    assert _overflowing_boxes(html)
