from django import template

from prongsai.analytics import selectors

register = template.Library()


@register.simple_tag
def visitor_counts():
    return selectors.visitor_counts()


@register.simple_tag
def last_twelve_months():
    return selectors.last_twelve_months()


@register.simple_tag
def most_read_pages(limit=10):
    from django.utils import timezone

    today = timezone.localdate()
    start = selectors.month_starts(today)[0]
    return selectors.cached_top_pages(start, today, limit=limit)


@register.filter
def thai_month(value):
    """``ม.ค. 2570`` for the first day of a month."""
    from prongsai.core.thaidate import MONTHS_SHORT, buddhist_year

    return f"{MONTHS_SHORT[value.month - 1]} {buddhist_year(value)}" if value else ""
