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
