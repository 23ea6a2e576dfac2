"""The request list as an XLSX workbook (R26, R43)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from prongsai.core.thaidate import thai_date

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
                r.number,
                r.title,
                r.unit.name,
                r.requester.display_name(),
                r.information_class.name,
                str(r.get_category_display()),
                str(r.get_status_display()),
                thai_date(r.submitted_at),
                thai_date(r.approved_at),
                thai_date(r.due_date),
                r.deadline_status_label(),
                thai_date(r.published_at),
                r.public_url,
            ]
        )
    for column, width in zip(
        "ABCDEFGHIJKLM", (10, 50, 30, 24, 24, 24, 20, 18, 18, 18, 18, 18, 50), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
