"""Buddhist-era date input: one widget and form field for every date staff type (ADR 0090).

Staff write ``31/12/2569`` or ``31/12/2569 23:59``: day first, the year in the Buddhist era.
Django's own fields read that as the year 2569 CE, so a page set to expire at the end of 2569 BE
would expire five centuries later. These fields read and show BE years and refuse, in Thai,
any year outside 2400–2700 BE, including a Christian-era year typed where BE is expected.

The machine form ``yyyy-mm-dd[ HH:MM]`` (ISO 8601, Christian era: what browsers' own date
inputs and API clients send) is also accepted, within the same range of years.

Use in a form::

    from prongsai.core.bedate import BuddhistDateField, BuddhistDateTimeField

    class HoldForm(forms.Form):
        keep_until = BuddhistDateField(label=_("เก็บไว้จนถึงวันที่"))
        start = BuddhistDateTimeField(label=_("ตั้งแต่"))

Every ``WagtailAdminModelForm`` (page editor, snippets, documents, ModelViewSet forms) gets them
for all ``DateField``/``DateTimeField`` model fields without any change: ``register_overrides()``
runs in ``CoreConfig.ready()``. A plain Django ``ModelForm`` gets them with
``formfield_callback = prongsai.core.bedate.formfield_for_dbfield``.
"""

import datetime as dt
import re

from django import forms
from django.db import models
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .thaidate import BUDDHIST_ERA_OFFSET, MONTHS_LONG, MONTHS_SHORT, arabic_digits

MIN_BE_YEAR = 2400
MAX_BE_YEAR = 2700

_TIME = r"(?:[ T,]+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*น\.?)?)?"
_THAI = re.compile(r"^(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4})" + _TIME + "$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME + "$")

DATE_PLACEHOLDER = "วว/ดด/ปปปป"
DATETIME_PLACEHOLDER = "วว/ดด/ปปปป ชช:นน"
DATE_FORMAT_HINT = _("วัน/เดือน/ปี พ.ศ. เช่น 31/12/2569")
DATETIME_FORMAT_HINT = _("วัน/เดือน/ปี พ.ศ. และเวลา เช่น 31/12/2569 23:59")
MONTH_PLACEHOLDER = "ดด/ปปปป"
MONTH_FORMAT_HINT = _("เดือน/ปี พ.ศ. เช่น 10/2569 หรือ ตุลาคม 2569")

# A month: 10/2569, a whole date in it (31/10/2569), ตุลาคม 2569 or ต.ค. 2569, or 2026-10[-31].
_MONTH_NUMBER = re.compile(r"^(?:\d{1,2}[/.\-])?(?P<month>\d{1,2})[/.\-](?P<year>\d{4})$")
_MONTH_NAME = re.compile(r"^(?P<name>\D+?)\s*(?P<year>\d{4})$")
_MONTH_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})(?:-\d{1,2})?$")


def _month_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "")


_MONTH_BY_NAME = {
    _month_key(name): number
    for names in (MONTHS_LONG, MONTHS_SHORT)
    for number, name in enumerate(names, start=1)
}


def _refuse(message, **params) -> forms.ValidationError:
    return forms.ValidationError(message % params if params else message, code="invalid_be")


def _ce_from_be(year: int) -> int:
    """The Christian-era year of a year staff typed as BE; a CE year typed by mistake is
    refused rather than read as a date five centuries away."""
    if MIN_BE_YEAR - 600 <= year < MIN_BE_YEAR:
        raise _refuse(
            _("ปี %(year)s เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น %(be)s)"),
            year=year,
            be=year + BUDDHIST_ERA_OFFSET,
        )
    if not MIN_BE_YEAR <= year <= MAX_BE_YEAR:
        raise _refuse(
            _("ปี พ.ศ. %(year)s ไม่ถูกต้อง ปีต้องอยู่ระหว่าง พ.ศ. %(min)s–%(max)s"),
            year=year,
            min=MIN_BE_YEAR,
            max=MAX_BE_YEAR,
        )
    return year - BUDDHIST_ERA_OFFSET


def _ce_from_iso(year: int, hint) -> int:
    """The year of the machine form, which is the Christian era: 2569-12-31 is a BE year in
    the wrong form."""
    if not MIN_BE_YEAR <= year + BUDDHIST_ERA_OFFSET <= MAX_BE_YEAR:
        raise _refuse(
            _("ปี %(year)s ในรูปแบบ ปปปป-ดด-วว ต้องเป็นปี ค.ศ. กรุณากรอก%(hint)s"),
            year=year,
            hint=hint,
        )
    return year


def parse_buddhist(text: str, *, with_time: bool) -> dt.date | dt.datetime | None:
    """Parse staff input into a (naive) date or datetime; raise a Thai ValidationError."""
    text = arabic_digits((text or "").strip())
    if not text:
        return None
    hint = DATETIME_FORMAT_HINT if with_time else DATE_FORMAT_HINT
    thai = _THAI.match(text)
    match = thai or _ISO.match(text)
    if match is None or (match["hour"] and not with_time):
        raise _refuse(_("รูปแบบวันที่ไม่ถูกต้อง กรุณากรอก%(hint)s"), hint=hint)
    year = int(match["year"])
    year = _ce_from_be(year) if thai else _ce_from_iso(year, hint)
    try:
        day = dt.date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        raise _refuse(_("ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจสอบวันและเดือน")) from None
    if not with_time:
        return day
    try:
        moment = dt.time(
            int(match["hour"] or 0), int(match["minute"] or 0), int(match["second"] or 0)
        )
    except ValueError:
        raise _refuse(_("เวลาไม่ถูกต้อง กรุณากรอกเวลาแบบ 24 ชั่วโมง เช่น 23:59")) from None
    return dt.datetime.combine(day, moment)


def parse_buddhist_month(text: str) -> dt.date | None:
    """Parse a month staff typed into its first day; raise a Thai ValidationError."""
    text = " ".join(arabic_digits((text or "").replace("พ.ศ.", " ")).split())
    if not text:
        return None
    if match := _MONTH_ISO.match(text):
        year, month = _ce_from_iso(int(match["year"]), MONTH_FORMAT_HINT), int(match["month"])
    elif match := _MONTH_NUMBER.match(text):
        year, month = _ce_from_be(int(match["year"])), int(match["month"])
    elif (match := _MONTH_NAME.match(text)) and _month_key(match["name"]) in _MONTH_BY_NAME:
        year, month = _ce_from_be(int(match["year"])), _MONTH_BY_NAME[_month_key(match["name"])]
    else:
        raise _refuse(_("รูปแบบเดือนไม่ถูกต้อง กรุณากรอก%(hint)s"), hint=MONTH_FORMAT_HINT)
    if not 1 <= month <= 12:
        raise _refuse(_("ไม่มีเดือนที่ %(month)s กรุณากรอกเดือน 1–12"), month=month)
    return dt.date(year, month, 1)


def format_buddhist(value, *, with_time: bool) -> str:
    """``31/12/2569`` or ``31/12/2569 23:59`` (local time) for a date or datetime."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value  # the staff's own text, shown back with its error
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        day, moment = value.date(), value.time()
    else:
        day, moment = value, None
    text = f"{day.day:02d}/{day.month:02d}/{day.year + BUDDHIST_ERA_OFFSET}"
    if with_time:
        text += f" {moment or dt.time():%H:%M}"
    return text


class BuddhistDateInput(forms.TextInput):
    """A text box showing ``dd/mm/yyyy`` with the BE year (no CE calendar picker to mislead)."""

    with_time = False
    placeholder = DATE_PLACEHOLDER

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": self.placeholder,
            "autocomplete": "off",
            "data-prongsai-be-date": "datetime" if self.with_time else "date",
        }
        super().__init__(attrs={**defaults, **(attrs or {})})

    def format_value(self, value):
        return format_buddhist(value, with_time=self.with_time) or None


class BuddhistDateTimeInput(BuddhistDateInput):
    with_time = True
    placeholder = DATETIME_PLACEHOLDER


class BuddhistDateField(forms.DateField):
    widget = BuddhistDateInput
    default_error_messages = {"invalid": DATE_FORMAT_HINT}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        return parse_buddhist(str(value), with_time=False)


class BuddhistMonthInput(BuddhistDateInput):
    """``10/2569``: a month (stored as its first day) with the BE year."""

    placeholder = MONTH_PLACEHOLDER

    def __init__(self, attrs=None):
        super().__init__(attrs={"data-prongsai-be-date": "month", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return f"{value.month:02d}/{value.year + BUDDHIST_ERA_OFFSET}"
        return value or None


class BuddhistMonthField(forms.DateField):
    """A month typed in the Buddhist era; cleaned to the month's first day."""

    widget = BuddhistMonthInput
    default_error_messages = {"invalid": MONTH_FORMAT_HINT}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value.replace(day=1)
        return parse_buddhist_month(str(value))


class BuddhistDateTimeField(forms.DateTimeField):
    widget = BuddhistDateTimeInput
    default_error_messages = {"invalid": DATETIME_FORMAT_HINT}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return forms.DateTimeField.to_python(self, value)
        if isinstance(value, dt.date):
            value = dt.datetime.combine(value, dt.time())
        else:
            value = parse_buddhist(str(value), with_time=True)
        return from_current_timezone(value)


#: Form field options for model fields, as Wagtail's form field registry takes them.
OVERRIDES = {
    models.DateField: {"form_class": BuddhistDateField, "widget": BuddhistDateInput},
    models.DateTimeField: {"form_class": BuddhistDateTimeField, "widget": BuddhistDateTimeInput},
}


def register_overrides() -> None:
    """Make BE input the default of every date and date-time field in Wagtail's admin forms."""
    from wagtail.admin.forms.models import register_form_field_override

    for db_field_class, override in OVERRIDES.items():
        register_form_field_override(db_field_class, override=override)


def use_buddhist_dates(form) -> None:
    """Swap a built form's plain date fields for BE ones (forms built without the registry).

    Wagtail's document form uses its own ``formfield_callback``, not the override registry;
    the metadata forms call this so documents' windows and dates are BE like pages'.
    """
    for name, field in list(form.fields.items()):
        if isinstance(field, BuddhistDateField | BuddhistDateTimeField):
            continue
        kind = (
            BuddhistDateTimeField
            if isinstance(field, forms.DateTimeField)
            else BuddhistDateField
            if isinstance(field, forms.DateField)
            else None
        )
        if kind is None:
            continue
        replacement = kind(
            required=field.required,
            label=field.label,
            initial=field.initial,
            help_text=field.help_text,
            disabled=field.disabled,
        )
        replacement.error_messages.update(
            {k: v for k, v in field.error_messages.items() if k == "required"}
        )
        replacement.validators = [*replacement.validators, *field.validators]
        form.fields[name] = replacement


def formfield_for_dbfield(db_field, **kwargs):
    """``formfield_callback`` for a plain Django ModelForm: BE fields for its dates."""
    for db_field_class in (models.DateTimeField, models.DateField):  # DateTimeField first
        if isinstance(db_field, db_field_class):
            kwargs = {**OVERRIDES[db_field_class], **kwargs}
            break
    return db_field.formfield(**kwargs)
