"""The aggregate for the governor (R36): counts per status, each agency's answers side by side,
common problems. PDF with WeasyPrint and the embedded Thai font; XLSX through core.tabular."""

from django.template.loader import render_to_string
from django.utils import timezone

from prongsai.core.pdf import PDF_FONT_FAMILY, font_face_css
from prongsai.core.tabular import workbook_bytes
from prongsai.core.thaidate import thai_date

from . import selectors


def _context(round_) -> dict:
    rows = selectors.board(round_)
    header, table = selectors.answer_rows(round_, rows)
    return {
        "round": round_,
        "rows": rows,
        "counts": selectors.counts(rows),
        "header": header,
        "table": table,
        "problems": selectors.common_problems(rows),
        "today": thai_date(timezone.localdate()),
        "font_css": font_face_css(),
        "font_family": PDF_FONT_FAMILY,
    }


def round_pdf(round_) -> bytes:
    from weasyprint import HTML

    html = render_to_string("parentbody/aggregate_pdf.html", _context(round_))
    return HTML(string=html).write_pdf()


def round_xlsx(round_) -> bytes:
    context = _context(round_)
    status_rows = [
        [
            r.agency.name,
            str(r.label),
            thai_date(r.submission.submitted_at)
            if r.submission and r.submission.submitted_at
            else "",
            len(r.broken),
        ]
        for r in context["rows"]
    ]
    sheets = [
        ("สรุปสถานะ", ["สถานะ", "จำนวนหน่วยงาน"], [[label, n] for _s, label, n in context["counts"]]),
        ("รายหน่วยงาน", ["หน่วยงาน", "สถานะ", "ส่งเมื่อ", "ลิงก์ที่มีปัญหา"], status_rows),
        ("คำตอบ", context["header"], context["table"]),
        ("ปัญหาและอุปสรรค", ["หน่วยงาน", "ปัญหา/อุปสรรค"], [list(p) for p in context["problems"]]),
    ]
    return workbook_bytes(sheets)
