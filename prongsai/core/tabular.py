"""One XLSX writer for every export, with the guard against spreadsheet formula injection.

Text that a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage
return before one) is written as a text cell: the reader sees exactly what was typed and
nothing is evaluated (OWASP CSV/formula injection). Exports of other apps move here over time.
"""

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def _put(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = TYPE_STRING  # stored as a shared string: never a formula
    return cell


def workbook_bytes(sheets: Iterable[tuple[str, list, list[list]]], *, created=None) -> bytes:
    """An XLSX with one sheet per (title, header, rows); ``created`` fixes its timestamp."""
    book = Workbook()
    book.remove(book.active)
    used = set()
    for title, header, rows in sheets:
        name = safe_sheet_title(title, used)
        sheet = book.create_sheet(name)
        for column, value in enumerate(header, start=1):
            _put(sheet, 1, column, value).font = Font(bold=True)
        for row_number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                _put(sheet, row_number, column, value).alignment = Alignment(wrap_text=True)
        for column, _value in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = 40 if column == 1 else 18
    if created is not None:
        book.properties.created = created
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue() if created is None else _reproducible(buffer.getvalue(), created)


_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def _reproducible(data: bytes, moment: dt.datetime) -> bytes:
    """The same workbook gives the same bytes: openpyxl stamps the save time into the
    properties and every zip entry, so both are set to ``moment`` (e.g. an approval time)."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(
                    rb"<dcterms:modified\1>" + stamp + rb"</dcterms:modified>", content
                )
            entry = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def safe_sheet_title(title: str, used: set) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "sheet"
    name, suffix = cleaned[:31], 2
    while name in used:
        tail = f" ({suffix})"
        name, suffix = cleaned[: 31 - len(tail)] + tail, suffix + 1
    used.add(name)
    return name
