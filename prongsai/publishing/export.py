"""The request list as an XLSX workbook (R26, R43)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

#: Excel shows the year in the Buddhist era with "bbbb" (e.g. 1/12/2569).
DATE_FORMAT = "d/m/bbbb"
DATETIME_FORMAT = "d/m/bbbb hh:mm"
#: A text cell starting with one of these would be run as a formula by a spreadsheet.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value) -> str:
    """Text written as text: a leading formula character is escaped with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _local(value):
    # Real date cells (sortable, filterable), in Bangkok time, without a time zone (Excel has none).
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


HEADERS = [
    "เลขที่",
    "เรื่อง",
    "หน่วยงาน",
    "ผู้ขอ",
    "ประเภทข้อมูล",
    "หมวด",
    "สถานะ",
    "วันที่ยื่น",
    "วันที่อนุมัติ",
    "กำหนดเผยแพร่",
    "สถานะกำหนดเวลา",
    "วันที่เผยแพร่",
    "URL",
]


def requests_workbook(queryset) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "คำขอเผยแพร่"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in queryset:
        sheet.append(
            [
                safe_text(r.number),
                safe_text(r.title),
                safe_text(r.unit.name),
                safe_text(r.requester.display_name()),
                safe_text(r.information_class.name),
                safe_text(r.get_category_display()),
                safe_text(r.get_status_display()),
                _local(r.submitted_at),
                _local(r.approved_at),
                r.due_date,
                safe_text(r.deadline_status_label()),
                _local(r.published_at),
                safe_text(r.public_url),
            ]
        )
        row = sheet.max_row
        for column, number_format in (
            ("H", DATETIME_FORMAT),
            ("I", DATETIME_FORMAT),
            ("J", DATE_FORMAT),
            ("L", DATETIME_FORMAT),
        ):
            sheet[f"{column}{row}"].number_format = number_format
    for column, width in zip(
        "ABCDEFGHIJKLM", (10, 50, 30, 24, 24, 24, 20, 18, 18, 18, 18, 18, 50), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
