"""CSV and plain text: readable text in UTF-8 or Thai Windows-874, never markup."""

import re

from . import refusals
from .refusals import Refused

_MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml|a\s|img\s)",
    re.IGNORECASE,
)
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def check_text(data: bytes) -> None:
    if _CONTROL.search(data):
        raise Refused(refusals.MISMATCH, why="text-binary")
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise Refused(refusals.MISMATCH, why="text-encoding")
    if _MARKUP.search(data) or _MARKUP.search(text.encode("utf-8", "ignore")):
        raise Refused(refusals.MISMATCH, why="text-markup")
