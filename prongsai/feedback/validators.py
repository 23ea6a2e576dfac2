"""Input rules shared by the public forms and the models (R9, R10)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Anything that looks like an HTML tag, comment or entity-encoded tag, or a script URL.
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&#0*60;|&lt;|javascript\s*:|on[a-z]+\s*=", re.IGNORECASE)


def no_markup(value: str) -> None:
    if value and _MARKUP.search(value):
        raise ValidationError(
            _("ไม่อนุญาตให้ใส่โค้ด HTML หรือสคริปต์ กรุณาพิมพ์เป็นข้อความธรรมดา"), code="markup"
        )


# Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make text display in
# another order than it is stored: "txt.exe" shown as "exe.txt", a title that reads differently
# to the moderator and the public. Thai and Latin text never needs them.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def no_bidi_controls(value: str) -> None:
    if value and _BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("ข้อความมีอักขระควบคุมทิศทางการแสดงผลซึ่งไม่อนุญาต กรุณาพิมพ์ข้อความใหม่"),
            code="bidi",
        )
