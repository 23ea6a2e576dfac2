"""Text helpers for Thai content."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_unicode_slug
from django.utils.translation import gettext_lazy as _

# Keep letters and digits (\w) and the whole Thai block (U+0E00–U+0E7F). Django's
# slugify(allow_unicode=True) keeps only \w, and Thai vowel/tone marks are combining marks
# (category Mn), not \w: "ประชาสัมพันธ์" became "ประชาสมพนธ".
_UNWANTED = re.compile(r"(?:[^\w\u0e00-\u0e7f]|_)+")
# Thai punctuation and symbols inside the block that do not belong in an address:
# paiyannoi ฯ, baht ฿, maiyamok ๆ, fongman ๏, angkhankhu ๚, khomut ๛.
_THAI_SYMBOLS = re.compile(r"[\u0e2f\u0e3f\u0e46\u0e4f\u0e5a\u0e5b]")
# Leading vowels เ แ โ ใ ไ are written before their consonant; never end a slug on one.
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) == "Mn"


def thai_slugify(text: str, max_length: int = 80) -> str:
    """A readable page address from a Thai (or mixed) title.

    NFC-normalises, lower-cases Latin, keeps Thai characters including their combining marks,
    turns spaces and punctuation into single hyphens, and trims to ``max_length`` without
    cutting marks off their consonant or leaving a dangling hyphen or leading vowel.
    """
    value = unicodedata.normalize("NFC", str(text or "")).lower()
    value = _THAI_SYMBOLS.sub("-", value)
    value = _UNWANTED.sub("-", value).strip("-")
    if len(value) > max_length:
        cut = max_length
        # Back off while the next character is a mark belonging to the one before the cut.
        while cut > 0 and _is_mark(value[cut]):
            cut -= 1
        # Never cut a number in two ("…ธันวาคม-2569" must not become "…ธันวาคม-25").
        if cut < len(value) and value[cut].isdigit():
            start = cut
            while start > 0 and value[start - 1].isdigit():
                start -= 1
            cut = start or cut  # a number longer than the whole slug is cut, not dropped
        value = value[:cut].rstrip("-" + _LEADING_VOWELS)
    if value and all(_is_mark(char) or char == "-" for char in value):
        # Marks alone make no readable address (and would hang on nothing).
        return ""
    return value


#: Accepts what Django's unicode slug validator accepts plus the Thai block (its marks).
_validate_slug_characters = RegexValidator(
    r"^[-\w\u0e00-\u0e7f]+\Z",
    _("ที่อยู่หน้าเว็บ (slug) ใช้ได้เฉพาะตัวอักษร ตัวเลข ขีดกลาง และขีดล่าง"),
    "invalid",
)


def validate_thai_slug(value: str) -> None:
    _validate_slug_characters(value)
    if all(_is_mark(char) or char == "-" for char in value):
        raise ValidationError(
            _("ที่อยู่หน้าเว็บ (slug) ต้องมีตัวอักษรหรือตัวเลข ไม่ใช่สระหรือวรรณยุกต์อย่างเดียว"),
            code="invalid",
        )


def accept_thai_marks_in_page_slugs() -> None:
    """Let Wagtail page slugs keep Thai vowel and tone marks (model and admin form validation).

    Django's validate_unicode_slug accepts only \\w, which excludes combining marks, so a slug
    from thai_slugify() would be refused on publish and in the page editor. The new rule is a
    superset of the old one: every slug valid before stays valid. Idempotent.
    """
    from wagtail.models import Page

    field = Page._meta.get_field("slug")
    if getattr(field, "_accepts_thai_marks", False):
        return
    field.default_validators = [validate_thai_slug]
    field.__dict__.pop("validators", None)  # a cached_property built from default_validators
    original_formfield = field.formfield

    def formfield(**kwargs):
        form_field = original_formfield(**kwargs)
        if form_field is not None:
            form_field.validators = [
                validator
                for validator in form_field.validators
                if validator is not validate_unicode_slug
            ] + [validate_thai_slug]
        return form_field

    field.formfield = formfield
    field._accepts_thai_marks = True
