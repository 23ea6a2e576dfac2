"""The monthly roll-up of page views (R10, issue 21): a year of statistics in twelve rows a page.

``DailyPageViews`` grows by one row per page and day; the statistics page and the reports
ask for the most-read pages of twelve months. A daily job (``monitoring/tasks.py``
``roll_up_page_views``) sums each month that has ended into ``MonthlyPageViews`` and records
it in ``RolledUpMonth``; ``top_pages`` then reads the rolled-up months from there and only the
days of months not (yet) rolled up from ``DailyPageViews``. The last month that ended is
rolled up again every day, so views counted late still arrive; the figures stay equal to
the sum of the daily rows (tested).
"""

import datetime as dt

from django.db import connection, transaction
from django.db.models import Max, Sum
from django.utils import timezone

from .models import DailyPageViews, MonthlyPageViews, RolledUpMonth


def month_end(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _previous_month(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def roll_up_page_views(today: dt.date | None = None) -> dict:
    """Roll up every ended month not rolled up yet, and the last one again."""
    today = today or timezone.localdate()
    current = today.replace(day=1)
    last_ended = _previous_month(current)
    with_days = DailyPageViews.objects.filter(day__lt=current).dates("day", "month")
    done = set(RolledUpMonth.objects.values_list("month", flat=True))
    months = [month for month in with_days if month not in done or month == last_ended]
    for month in months:
        _roll_up(month)
    return {"months": len(months)}


@transaction.atomic
def _roll_up(month: dt.date) -> None:
    MonthlyPageViews.objects.filter(month=month).delete()
    rows = (
        DailyPageViews.objects.filter(day__range=(month, month_end(month)))
        .order_by()
        .values("path")
        .annotate(views=Sum("views"), title=Max("title"), section=Max("section"))
    )
    MonthlyPageViews.objects.bulk_create(
        (MonthlyPageViews(month=month, **row) for row in rows.iterator()), batch_size=2000
    )
    RolledUpMonth.objects.update_or_create(month=month)


def _rolled_months(start: dt.date, end: dt.date) -> list[dt.date]:
    months = RolledUpMonth.objects.filter(month__gte=start.replace(day=1), month__lte=end)
    return [
        month
        for month in months.values_list("month", flat=True)
        if month >= start and month_end(month) <= end
    ]


def top_pages(start: dt.date, end: dt.date, *, section: str = "", limit: int = 10) -> list[dict]:
    """The most-viewed pages between two dates, rolled-up months and loose days together."""
    rolled = _rolled_months(start, end)
    days = DailyPageViews.objects.filter(day__range=(start, end))
    for month in rolled:
        days = days.exclude(day__range=(month, month_end(month)))
    months = MonthlyPageViews.objects.filter(month__in=rolled)
    if section:
        days, months = days.filter(section=section), months.filter(section=section)
    fields = ("path", "views", "title")
    both = (
        days.order_by().values_list(*fields).union(months.order_by().values_list(*fields), all=True)
    )
    sql, params = both.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT path, SUM(views), MAX(title) FROM ({sql}) AS viewed "  # noqa: S608 (ORM SQL)
            "GROUP BY path ORDER BY 2 DESC, 1 LIMIT %s",
            [*params, limit],
        )
        return [
            {"path": path, "views": int(views), "title": title}
            for path, views, title in cursor.fetchall()
        ]
