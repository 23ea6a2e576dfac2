"""R10: the most-read pages come from the monthly roll-up and equal the raw daily count."""

import datetime as dt
import random

import pytest
from django.db.models import Max, Sum

from prongsai.analytics import selectors
from prongsai.analytics.models import DailyPageViews, MonthlyPageViews, RolledUpMonth
from prongsai.analytics.rollup import roll_up_page_views
from prongsai.monitoring import tasks as jobs
from prongsai.monitoring.models import JobRun

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 6)


@pytest.fixture
def days():
    rng = random.Random(21)
    rows = []
    day = dt.date(2025, 11, 20)
    while day <= TODAY:
        for n in range(6):
            if rng.random() < 0.7:
                path = f"/news/n{n}/"
                rows.append(
                    DailyPageViews(
                        day=day,
                        path=path,
                        section="news",
                        title=f"ข่าว {n}",
                        views=rng.randint(1, 40),
                    )
                )
        rows.append(DailyPageViews(day=day, path="/laws/", section="laws", views=rng.randint(0, 9)))
        day += dt.timedelta(days=1)
    DailyPageViews.objects.bulk_create(rows)


def raw_top_pages(start, end, section="", limit=10):
    rows = DailyPageViews.objects.filter(day__range=(start, end))
    if section:
        rows = rows.filter(section=section)
    return list(
        rows.values("path")
        .annotate(views=Sum("views"), title=Max("title"))
        .order_by("-views", "path")[:limit]
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2025, 12, 1), TODAY),  # twelve months: eleven rolled up, December's days
        (dt.date(2025, 11, 25), dt.date(2026, 10, 17)),  # partial months at both ends
        (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),  # one whole fiscal-year first month
    ],
)
def test_r10_top_pages_from_the_rollup_equal_the_raw_count(days, start, end):
    roll_up_page_views(TODAY)
    assert RolledUpMonth.objects.count() == 13  # November 2025 … November 2026
    assert not MonthlyPageViews.objects.filter(month=dt.date(2026, 12, 1)).exists()
    assert selectors.top_pages(start, end, limit=50) == raw_top_pages(start, end, limit=50)
    assert selectors.top_pages(start, end, section="news", limit=3) == raw_top_pages(
        start, end, "news", 3
    )


def test_r10_late_views_of_the_last_month_arrive_at_the_next_roll_up(days):
    roll_up_page_views(TODAY)
    DailyPageViews.objects.filter(day=dt.date(2026, 11, 30), path="/laws/").update(views=10_000)
    start = dt.date(2026, 11, 1)
    assert selectors.top_pages(start, TODAY)[0]["views"] < 10_000  # until the job runs again
    roll_up_page_views(TODAY)
    assert selectors.top_pages(start, TODAY) == raw_top_pages(start, TODAY)
    assert selectors.top_pages(start, TODAY)[0]["path"] == "/laws/"


def test_r10_the_rollup_is_a_recorded_periodic_job(days):
    jobs.roll_up_page_views.enqueue()
    assert JobRun.objects.get(job="roll_up_page_views").outcome == "success"
    assert RolledUpMonth.objects.exists()
