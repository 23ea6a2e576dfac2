"""Reads of the visitor statistics (R10)."""

import datetime as dt

from django.core.cache import cache
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import DailyPageViews, DailySummary

FOOTER_CACHE_SECONDS = 60


def _sum(queryset, field: str) -> int:
    return queryset.aggregate(total=Sum(field))["total"] or 0


def visitor_counts(today: dt.date | None = None) -> dict[str, int]:
    """Visitors today, this month, this (calendar) year and in total; cached briefly."""
    today = today or timezone.localdate()
    key = f"analytics:footer:{today.isoformat()}"
    counts = cache.get(key)
    if counts is None:
        days = DailySummary.objects.all()
        counts = {
            "today": _sum(days.filter(day=today), "visitors"),
            "month": _sum(days.filter(day__year=today.year, day__month=today.month), "visitors"),
            "year": _sum(days.filter(day__year=today.year), "visitors"),
            "total": _sum(days, "visitors"),
        }
        cache.set(key, counts, FOOTER_CACHE_SECONDS)
    return counts


def month_starts(last: dt.date, count: int = 12) -> list[dt.date]:
    year, month = last.year, last.month
    months = []
    for _ in range(count):
        months.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def monthly_totals(start: dt.date, end: dt.date, section: str = "") -> list[dict]:
    """Views and visitors per month between two dates (visitors are site-wide only)."""
    first = start.replace(day=1)
    months = {}
    month = first
    while month <= end:
        months[month] = {"month": month, "views": 0, "visitors": 0}
        month = (month + dt.timedelta(days=32)).replace(day=1)
    if section:
        rows = (
            DailyPageViews.objects.filter(day__range=(start, end), section=section)
            .annotate(m=TruncMonth("day"))
            .values("m")
            .annotate(views=Sum("views"))
        )
    else:
        rows = (
            DailySummary.objects.filter(day__range=(start, end))
            .annotate(m=TruncMonth("day"))
            .values("m")
            .annotate(views=Sum("views"), visitors=Sum("visitors"))
        )
    for row in rows:
        key = row["m"].date() if isinstance(row["m"], dt.datetime) else row["m"]
        months[key].update(views=row["views"] or 0, visitors=row.get("visitors") or 0)
    series = list(months.values())
    peak = max([item["views"] for item in series] + [1])
    for item in series:
        item["percent"] = round(item["views"] * 100 / peak, 1)
    return series


def last_twelve_months(today: dt.date | None = None) -> list[dict]:
    today = today or timezone.localdate()
    return monthly_totals(month_starts(today)[0], today)


def top_pages(start: dt.date, end: dt.date, *, section: str = "", limit: int = 10) -> list[dict]:
    """The most-viewed pages; ended months come from the monthly roll-up (rollup.py)."""
    from .rollup import top_pages as from_rollup

    return from_rollup(start, end, section=section, limit=limit)


def cached_top_pages(start: dt.date, end: dt.date, *, limit: int = 10) -> list[dict]:
    """``top_pages`` for the public statistics, kept as briefly as the footer's counts."""
    key = f"analytics:top:{start.isoformat()}:{end.isoformat()}:{limit}"
    pages = cache.get(key)
    if pages is None:
        pages = top_pages(start, end, limit=limit)
        cache.set(key, pages, FOOTER_CACHE_SECONDS)
    return pages


def daily_rows(start: dt.date, end: dt.date, section: str = "") -> list[dict]:
    if section:
        return list(
            DailyPageViews.objects.filter(day__range=(start, end), section=section)
            .values("day")
            .annotate(views=Sum("views"))
            .order_by("day")
        )
    return list(
        DailySummary.objects.filter(day__range=(start, end))
        .values("day", "views", "visitors")
        .order_by("day")
    )


def sections() -> list[str]:
    return list(
        DailyPageViews.objects.exclude(section="")
        .values_list("section", flat=True)
        .distinct()
        .order_by("section")
    )
