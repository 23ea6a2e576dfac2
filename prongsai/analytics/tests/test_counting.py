"""R10, R37: in-house visitor statistics."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache

from prongsai.accounts.tests.factories import UserFactory
from prongsai.analytics.models import DailyPageViews, DailySalt, DailySummary, DailyVisitor
from prongsai.analytics.selectors import visitor_counts
from prongsai.analytics.services import count_visit_logs
from prongsai.analytics.tasks import configured_logs, count_new_visits

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"


@pytest.fixture(autouse=True)
def visits_folder(settings, tmp_path):
    settings.PRONGSAI_VISITS_DIR = tmp_path / "visits"
    settings.PRONGSAI_VISITS_WRITER = "app"
    settings.PRONGSAI_VISITS_LOGS = []


def _visit(client, path="/", ip="203.0.113.5", ua=BROWSER):
    return client.get(path, REMOTE_ADDR=ip, HTTP_USER_AGENT=ua)


def _count():
    """What the every-minute job does."""
    return count_visit_logs(configured_logs())


def test_r10_page_view_and_unique_visitor_counted_per_day(client, home_page):
    _visit(client)
    _visit(client)
    _visit(client, ip="203.0.113.6")
    _count()
    summary = DailySummary.objects.get()
    assert (summary.views, summary.visitors) == (3, 2)
    page = DailyPageViews.objects.get(path="/")
    assert page.views == 3
    assert page.title == home_page.title


def test_r37_raw_ip_is_never_stored_in_statistics_tables(client, home_page):
    _visit(client, ip="198.51.100.77")
    _count()
    stored = " ".join(
        str(value)
        for model in (DailySummary, DailyPageViews, DailyVisitor)
        for row in model.objects.values()
        for value in row.values()
    )
    assert "198.51.100.77" not in stored
    assert len(DailyVisitor.objects.get().visitor_hash) == 64


def test_r37_salt_rotates_daily_and_old_salts_and_hashes_are_forgotten(client, home_page):
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, 0, tzinfo=dt.UTC)):
        _visit(client)
        _count()
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, 0, tzinfo=dt.UTC)):
        _visit(client)
        count_new_visits.call()  # the job also forgets the spent salts after 00:10
    assert list(DailySalt.objects.values_list("day", flat=True)) == [dt.date(2026, 11, 3)]
    assert list(DailyVisitor.objects.values_list("day", flat=True)) == [dt.date(2026, 11, 3)]
    # The same person on two days is one visitor per day; yesterday's total is kept.
    assert list(DailySummary.objects.values_list("visitors", flat=True)) == [1, 1]


def test_r10_bots_are_not_counted(client, home_page):
    for agent in ["Googlebot/2.1", "curl/8.5", "", "Mozilla/5.0 HeadlessChrome/140"]:
        _visit(client, ua=agent)
    _count()
    assert not DailySummary.objects.exists()


def test_r10_staff_are_not_counted(client, home_page):
    client.force_login(UserFactory(is_staff=True))
    _visit(client)
    _count()
    assert not DailySummary.objects.exists()


def test_r10_only_successful_html_get_pages_count(client, home_page):
    _visit(client, "/no-such-page/")
    client.post("/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT=BROWSER)
    _visit(client, "/sitemap.xml")
    _visit(client, "/admin/login/")
    _count()
    assert not DailyPageViews.objects.exists()


def test_r10_counting_can_be_switched_off(client, home_page, settings):
    settings.PRONGSAI_ANALYTICS_ENABLED = False
    _visit(client)
    _count()
    assert not DailySummary.objects.exists()


@time_machine.travel(dt.datetime(2026, 11, 15, 5, 0, tzinfo=dt.UTC))
def test_r10_footer_counts_today_month_year_total(db):
    cache.clear()
    for day, visitors in [
        (dt.date(2026, 11, 15), 4),
        (dt.date(2026, 11, 1), 10),
        (dt.date(2026, 2, 1), 100),
        (dt.date(2025, 12, 31), 1000),
    ]:
        DailySummary.objects.create(day=day, views=visitors * 2, visitors=visitors)
    assert visitor_counts() == {"today": 4, "month": 14, "year": 114, "total": 1114}


def test_r10_footer_shows_counts_on_every_page(client, home_page):
    cache.clear()
    response = _visit(client)
    html = response.content.decode()
    assert "สถิติผู้เข้าชม" in html and "วันนี้" in html and "ทั้งหมด" in html
