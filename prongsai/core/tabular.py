"""One tabular writer (XLSX and CSV) for every export, with the guard against formula injection.

Text that a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage
return before one) is written so that nothing is evaluated (OWASP CSV/formula injection): in
XLSX as a text cell, so the reader sees exactly what was typed; in CSV, which has no cell
types, behind an apostrophe, the spreadsheets' own "this is text" mark.
"""

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Sheet:
    """One sheet: a header row and data rows, optionally a bold caption line above the header,
    column widths (characters, in order) and number formats by column (1-based)."""

    title: str
    header: list
    rows: Iterable[list]
    caption: str = ""
    widths: Sequence[int] = ()
    number_formats: dict[int, str] = field(default_factory=dict)


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def csv_bytes(header: list, rows: Iterable[list]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens Thai text as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def download(body: bytes, filename: str, content_type: str = XLSX_TYPE) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _put(sheet, row: int, column: int, value):
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = TYPE_STRING  # stored as a shared string: never a formula
    return cell


def _write(book, spec: Sheet, used: set) -> None:
    sheet = book.create_sheet(safe_sheet_title(spec.title, used))
    top = 1
    if spec.caption:
        _put(sheet, 1, 1, spec.caption).font = Font(bold=True)
        top = 2
    for column, value in enumerate(spec.header, start=1):
        _put(sheet, top, column, value).font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_number, row in enumerate(spec.rows, start=top + 1):
        for column, value in enumerate(row, start=1):
            cell = _put(sheet, row_number, column, value)
            cell.alignment = wrap
            if column in spec.number_formats:
                cell.number_format = spec.number_formats[column]
    for column, _value in enumerate(spec.header, start=1):
        letter = sheet.cell(row=top, column=column).column_letter
        default = 40 if column == 1 else 18
        width = spec.widths[column - 1] if column <= len(spec.widths) else default
        sheet.column_dimensions[letter].width = width


def workbook_bytes(
    sheets: Iterable[Sheet | tuple[str, list, list[list]]], *, created=None
) -> bytes:
    """An XLSX with one sheet per ``Sheet`` (or (title, header, rows)); ``created`` fixes its
    timestamp."""
    book = Workbook()
    book.remove(book.active)
    used = set()
    for spec in sheets:
        _write(book, spec if isinstance(spec, Sheet) else Sheet(*spec), used)
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


def xlsx_download(filename: str, sheets) -> HttpResponse:
    return download(workbook_bytes(sheets), filename)
