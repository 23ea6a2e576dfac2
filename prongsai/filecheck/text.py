"""CSV and plain text: readable text in UTF-8 or Thai Windows-874, never markup."""

import re

from . import refusals
from .refusals import Refused

# Markup a browser could render or run, also behind a namespace prefix (``<x:svg>``,
# ``<h:script>``) or under a namespace declaration on any element (``<a xmlns="...svg">``):
# an SVG is never accepted as text (ASVS 1.3.4; SVG itself is not an accepted kind).
_MARKUP = re.compile(
    rb"<\s*(?:[\w.-]+:)?(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|style"
    rb"|\?xml|a\s|img\s)"
    rb"|\bxmlns(?::[\w.-]+)?\s*=",
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
