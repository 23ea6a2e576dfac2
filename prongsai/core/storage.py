"""File storage that keeps Thai file names readable.

Django's ``get_valid_filename`` keeps only ``\\w``, ``-`` and ``.``; Thai vowel and tone marks are
combining marks (category Mn), not ``\\w``, so "แผนรณรงค์.pdf" was stored, linked and downloaded
as "แผนรณรงค.pdf" — a different word. The rule here is Django's plus the Thai block.
"""

import re
import unicodedata

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage

_UNSAFE = re.compile(r"[^-\w.\u0e00-\u0e7f]")


def thai_valid_filename(name: str) -> str:
    """Like Django's ``get_valid_filename``, keeping Thai characters and their marks."""
    value = unicodedata.normalize("NFC", str(name)).strip().replace(" ", "_")
    value = _UNSAFE.sub("", value)
    if value in {"", ".", ".."}:
        raise SuspiciousFileOperation(f"Could not derive file name from '{name}'")
    return value


class ThaiFileSystemStorage(FileSystemStorage):
    def get_valid_name(self, name):
        return thai_valid_filename(name)
