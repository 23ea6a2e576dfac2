import datetime as dt

from django import template

from prongsai.core import thaidate

register = template.Library()


@register.filter
def thai_date(value):
    return thaidate.thai_date(value)


@register.filter
def thai_date_short(value):
    return thaidate.thai_date(value, short=True)


@register.filter
def thai_datetime(value):
    if not isinstance(value, dt.datetime):
        return value or ""  # e.g. Wagtail's status panel passes "" when a date is not set
    return thaidate.thai_datetime(value)


@register.filter
def buddhist_year(value):
    return thaidate.buddhist_year(value) if value else ""


@register.filter
def filesize_th(num_bytes):
    """Human-readable size, e.g. 1.2 MB (R12 asks for the size next to every download)."""
    if num_bytes is None:
        return ""
    size = float(num_bytes)
    for unit in ("ไบต์", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "ไบต์" else f"{size:.1f} {unit}"
        size /= 1024
    return ""
