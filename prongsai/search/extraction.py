"""Text of PDF, Word and Excel files, repaired for Thai (runs in the worker, never in a request).

The parsers run in a child process with an address-space limit (``RLIMIT_AS``), a CPU limit and
a wall-clock timeout, so a small hostile file (a 140 KB zip-bomb ``.docx`` that inflates to
hundreds of megabytes) ends the child, not the worker (ADR 0151). Limits:
``PRONGSAI_EXTRACTION_MEMORY_MB`` (512), ``PRONGSAI_EXTRACTION_SECONDS`` (30).
"""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

#: Longest text kept per document; beyond this the rest of a huge file adds little to search.
MAX_TEXT_LENGTH = 500_000

SUPPORTED_EXTENSIONS = {"pdf", "docx", "xlsx", "xlsm", "txt", "csv"}

_BROKEN_FILE = 3
_OUT_OF_MEMORY = 4
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class UnsupportedFile(Exception):
    """The file type has no text extractor (images, old .doc/.xls, archives …)."""


class ExtractionLimit(ValueError):
    """The parser needed more memory or time than the limits allow; the file is not read."""


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


def _limits() -> tuple[int, int]:
    from django.conf import settings

    memory_mb = int(getattr(settings, "PRONGSAI_EXTRACTION_MEMORY_MB", 512))
    seconds = int(getattr(settings, "PRONGSAI_EXTRACTION_SECONDS", 30))
    return memory_mb, seconds


def _extract_isolated(data: bytes, extension: str) -> str:
    memory_mb, seconds = _limits()
    command = [sys.executable, "-m", "prongsai.search.extraction", extension, str(memory_mb)]
    command.append(str(seconds))
    try:
        result = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            command,
            input=data,
            capture_output=True,
            timeout=seconds + 5,
            cwd=_PACKAGE_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionLimit(f"เกินเวลาที่กำหนด ({seconds} วินาที)") from exc
    if result.returncode == 0:
        return result.stdout[: MAX_TEXT_LENGTH * 4].decode("utf-8", errors="ignore")
    if result.returncode == _BROKEN_FILE:
        raise ValueError("ไฟล์เสียหรือไม่ใช่ไฟล์ชนิดที่ระบุ")
    if result.returncode == _OUT_OF_MEMORY or result.returncode < 0:
        # A signal (SIGXCPU, SIGKILL) or MemoryError: the file needs more than the limits.
        raise ExtractionLimit(f"ใช้หน่วยความจำหรือเวลาเกินที่กำหนด ({memory_mb} MB)")
    raise ValueError(result.stderr.decode("utf-8", errors="ignore").strip()[-300:])


def extract_text(data: bytes, extension: str) -> str:
    """Repaired text of a file. Raises UnsupportedFile, ExtractionLimit or ValueError."""
    from .thai import repair_thai

    extension = extension.lower().lstrip(".")
    if extension not in _EXTRACTORS:
        raise UnsupportedFile(extension)
    return repair_thai(_extract_isolated(data, extension))[:MAX_TEXT_LENGTH]


def _child(extension: str, memory_mb: int, seconds: int) -> int:
    """Runs in the child process: limit ourselves, parse stdin, write the text to stdout."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    data = sys.stdin.buffer.read()
    try:
        text = _EXTRACTORS[extension](data)
    except MemoryError:
        return _OUT_OF_MEMORY
    except (zipfile.BadZipFile, KeyError) as exc:
        sys.stderr.write(type(exc).__name__)
        return _BROKEN_FILE
    sys.stdout.buffer.write(text.encode("utf-8", errors="ignore"))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
