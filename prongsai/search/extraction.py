"""Text of PDF, Word and Excel files, repaired for Thai (runs in the worker, never in a request)."""

import io
import zipfile

from .thai import repair_thai

#: Longest text kept per document; beyond this the rest of a huge file adds little to search.
MAX_TEXT_LENGTH = 500_000

SUPPORTED_EXTENSIONS = {"pdf", "docx", "xlsx", "xlsm", "txt", "csv"}


class UnsupportedFile(Exception):
    """The file type has no text extractor (images, old .doc/.xls, archives …)."""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = [str(value) for value in row if value is not None]
            if cells:
                parts.append(" ".join(cells))
    workbook.close()
    return "\n".join(parts)


def _plain_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


_EXTRACTORS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "xlsx": _xlsx_text,
    "xlsm": _xlsx_text,
    "txt": _plain_text,
    "csv": _plain_text,
}


def extract_text(data: bytes, extension: str) -> str:
    """Repaired text of a file. Raises UnsupportedFile, or the parser's error on a broken file."""
    extractor = _EXTRACTORS.get(extension.lower().lstrip("."))
    if extractor is None:
        raise UnsupportedFile(extension)
    try:
        text = extractor(data)
    except zipfile.BadZipFile as exc:
        raise ValueError("ไฟล์เสียหรือไม่ใช่ไฟล์ชนิดที่ระบุ") from exc
    return repair_thai(text)[:MAX_TEXT_LENGTH]
