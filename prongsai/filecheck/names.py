"""File names staff give us: what they show and which extension they claim."""

import os
import re
import unicodedata

from . import refusals
from .refusals import Refused

#: Extensions that make a file run or render as a web page when opened; never a part of a name.
DANGEROUS_EXTENSIONS = frozenset(
    [
        "exe",
        "com",
        "bat",
        "cmd",
        "scr",
        "pif",
        "msi",
        "msp",
        "dll",
        "cpl",
        "js",
        "jse",
        "vbs",
        "vbe",
        "wsf",
        "wsh",
        "hta",
        "ps1",
        "psm1",
        "sh",
        "bash",
        "jar",
        "lnk",
        "reg",
        "app",
        "apk",
        "elf",
        "bin",
        "run",
        "html",
        "htm",
        "xhtml",
        "shtml",
        "svg",
        "svgz",
        "php",
        "phtml",
        "asp",
        "aspx",
        "jsp",
        "xml",
    ]
)
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
MAX_NAME_LENGTH = 200


def display_name(name: str) -> str:
    """The name with control and direction characters removed, safe to show back to staff."""
    base = os.path.basename((name or "").replace("\\", "/"))
    cleaned = _BIDI_CONTROLS.sub("", base)
    cleaned = "".join(ch for ch in cleaned if unicodedata.category(ch) not in {"Cc", "Cs", "Co"})
    return cleaned[:MAX_NAME_LENGTH] or "(ไม่มีชื่อ)"


def claimed_extension(name: str) -> str:
    """The lower-case extension of a name, refusing names that hide what they are.

    Refused: control or bidirectional-override characters (``x\u202egpj.exe`` shows as
    ``xexe.jpg``), NUL bytes, an executable or web extension anywhere in the name
    (``ใบสมัคร.pdf.exe``, ``scan.exe.pdf``), trailing dots or spaces, very long names.
    """
    base = os.path.basename((name or "").replace("\\", "/"))
    if not base or len(base) > MAX_NAME_LENGTH or base != base.strip(" ."):
        raise Refused(refusals.NAME)
    if _BIDI_CONTROLS.search(base) or any(
        unicodedata.category(ch) in {"Cc", "Cs", "Co"} for ch in base
    ):
        raise Refused(refusals.NAME)
    parts = base.lower().split(".")
    if len(parts) < 2 or not parts[-1]:
        raise Refused(refusals.EXTENSION)
    if any(part.strip() in DANGEROUS_EXTENSIONS for part in parts[1:]):
        raise Refused(refusals.NAME)
    return parts[-1]
