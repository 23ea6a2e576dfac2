"""PDF files: a real PDF from its first byte to its last ``%%EOF``, with nothing that runs.

Refused: JavaScript (``/JS``, ``/JavaScript``, also behind ``/OpenAction`` or ``/AA``),
``/Launch`` actions, embedded files, rich media and XFA forms. Names are compared after
``#xx`` escapes are decoded, in the raw bytes and again in every object pypdf resolves
(which includes objects hidden in compressed object streams).
"""

import io
import re

from . import refusals
from .refusals import Refused

_FORBIDDEN = frozenset(
    {
        "JS",
        "JavaScript",
        "Launch",
        "EmbeddedFile",
        "EmbeddedFiles",
        "RichMedia",
        "XFA",
        "ImportData",
        "SubmitForm",
    }
)
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")
# Stream bodies are binary (compressed) data: a name found there is chance, not structure.
_STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
_MAX_OBJECTS = 200_000


def _decoded(name: bytes) -> str:
    return _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), name).decode("latin-1")


def _walk(value, depth: int = 0) -> None:
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    if depth > 64:
        return
    if isinstance(value, IndirectObject):
        return  # every indirect object is visited from the cross-reference table
    if isinstance(value, NameObject):
        if value.lstrip("/") in _FORBIDDEN:
            raise Refused(refusals.ACTIVE, why="pdf-name")
    elif isinstance(value, DictionaryObject):
        for key, item in value.items():
            if key.lstrip("/") in _FORBIDDEN:
                raise Refused(refusals.ACTIVE, why="pdf-key")
            _walk(item, depth + 1)
    elif isinstance(value, ArrayObject):
        for item in value:
            _walk(item, depth + 1)


def check_pdf(data: bytes) -> str:
    if not data.startswith(b"%PDF-"):
        raise Refused(refusals.MISMATCH, why="pdf-header")
    if not data.rstrip().endswith(b"%%EOF"):
        raise Refused(refusals.UNSAFE, why="pdf-truncated")
    structure = _STREAM.sub(b"stream endstream", data)
    if any(_decoded(match) in _FORBIDDEN for match in _NAME.findall(structure)):
        raise Refused(refusals.ACTIVE, why="pdf-raw-name")
    try:
        from pypdf import PdfReader
        from pypdf.generic import IndirectObject

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise Refused(refusals.UNSAFE, why="pdf-encrypted")
        numbers = {(num, gen) for gen, table in reader.xref.items() for num in table}
        numbers |= {(num, 0) for num in reader.xref_objStm}
        if len(numbers) > _MAX_OBJECTS or not reader.pages:
            raise Refused(refusals.UNSAFE, why="pdf-objects")
        for num, gen in numbers:
            value = reader.get_object(IndirectObject(num, gen, reader))
            _walk(value)
    except Refused:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means we cannot vouch for it
        raise Refused(refusals.UNSAFE, why="pdf-parse") from exc
    return "pdf"
