"""R10: counting survives many worker processes writing at once, losing nothing."""

import multiprocessing
import os
import sqlite3

import pytest
from django.db import connection, connections

from prongsai.analytics.models import DailyPageViews, DailySummary
from prongsai.analytics.services import count_visit_logs
from prongsai.analytics.tasks import configured_logs

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"
PROCESSES = 4
VIEWS_EACH = 15


def _worker(worker: int, sqlite_file: str | None) -> None:
    """Runs in a forked process: a fresh database connection, the full WSGI handler stack."""
    status = 1
    try:
        conn = connections["default"]
        conn.connection = None  # never close the parent's connection from the child
        if sqlite_file:
            # A file database configured as production SQLite is (config/env.py).
            conn.settings_dict["NAME"] = sqlite_file
            conn.settings_dict["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
        from django.test import Client

        client = Client()
        codes = [
            client.get("/", REMOTE_ADDR=f"10.0.{worker}.{i}", HTTP_USER_AGENT=BROWSER).status_code
            for i in range(VIEWS_EACH)
        ]
        conn.close()
        status = 0 if set(codes) == {200} else 2
    finally:
        os._exit(status)


def _totals() -> tuple[int, int, int]:
    summaries = list(DailySummary.objects.values_list("views", "visitors"))
    page_views = sum(DailyPageViews.objects.values_list("views", flat=True))
    return sum(v for v, _ in summaries), sum(v for _, v in summaries), page_views


@pytest.mark.django_db(transaction=True)
def test_r10_concurrent_page_views_from_several_processes_are_counted_exactly(
    home_page, tmp_path, settings
):
    """Each worker appends its lines to the same day file; the job counts each exactly once."""
    settings.PRONGSAI_VISITS_DIR = tmp_path / "visits"
    settings.PRONGSAI_VISITS_WRITER = "app"
    settings.PRONGSAI_VISITS_LOGS = []
    sqlite_file = None
    if connection.vendor == "sqlite":
        # The test database lives in memory; copy it to a file every process can open.
        sqlite_file = str(tmp_path / "shared.sqlite3")
        connection.ensure_connection()
        with sqlite3.connect(sqlite_file) as target:
            connection.connection.backup(target)
    connections.close_all()

    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_worker, args=(n, sqlite_file)) for n in range(PROCESSES)]
    for process in workers:
        process.start()
    for process in workers:
        process.join(timeout=120)

    assert [process.exitcode for process in workers] == [0] * PROCESSES
    expected = PROCESSES * VIEWS_EACH
    summary = count_visit_logs(configured_logs())
    assert (summary.counted, summary.malformed) == (expected, [])
    assert _totals() == (expected, expected, expected)
    assert count_visit_logs(configured_logs()).counted == 0  # a second run adds nothing
