"""XLSX exports of statistics (openpyxl), shared by the analytics and feedback reports."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    # Spreadsheet formula injection: text that starts like a formula is stored as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def workbook_response(filename: str, sheets: list[tuple[str, list, list[list]]]) -> HttpResponse:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
