"""Thai dates: Buddhist era, Thai month names and the Thai fiscal year (1 October – 30 September).

One convention across the site (see docs/adr/0003-thai-dates.md):
* long form  ``21 พฤศจิกายน 2569`` for page metadata and documents;
* short form ``21 พ.ย. 2569`` in lists and tables.
Arabic digits are used throughout (most Thai agency sites do; Thai digits are offered by
``thai_digits`` for printed forms that want them).
"""

import datetime as dt

from django.utils import timezone

BUDDHIST_ERA_OFFSET = 543

MONTHS_LONG = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
MONTHS_SHORT = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _as_local_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def buddhist_year(value: dt.date | dt.datetime | int) -> int:
    if isinstance(value, int):
        return value + BUDDHIST_ERA_OFFSET
    return _as_local_date(value).year + BUDDHIST_ERA_OFFSET


def thai_date(value: dt.date | dt.datetime | None, *, short: bool = False) -> str:
    if value is None:
        return ""
    day = _as_local_date(value)
    months = MONTHS_SHORT if short else MONTHS_LONG
    return f"{day.day} {months[day.month - 1]} {buddhist_year(day)}"


def thai_datetime(value: dt.datetime | None, *, short: bool = False) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{thai_date(local, short=short)} {local:%H:%M} น."


def thai_digits(text: str) -> str:
    return str(text).translate(_THAI_DIGITS)


def arabic_digits(text: str) -> str:
    return str(text).translate(_ARABIC_DIGITS)


def fiscal_year(value: dt.date | dt.datetime) -> int:
    """The Thai fiscal year (Christian era) containing ``value``: FY2027 runs 1 Oct 2026 – 30 Sep 2027."""
    day = _as_local_date(value)
    return day.year + 1 if day.month >= 10 else day.year


def fiscal_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of fiscal year ``year`` (Christian era)."""
    return dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def fiscal_year_label(year: int) -> str:
    return f"ปีงบประมาณ พ.ศ. {buddhist_year(year)}"
