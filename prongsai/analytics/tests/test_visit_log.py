"""R10: views counted from the visits log — nginx's or the application's — exactly once."""

import gzip
import json
import os

import pytest

from prongsai.accounts.tests.factories import UserFactory
from prongsai.analytics.models import DailyPageViews, DailySummary
from prongsai.analytics.services import count_visit_logs
from prongsai.analytics.tasks import configured_logs

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"


@pytest.fixture(autouse=True)
def visits_folder(settings, tmp_path):
    settings.PRONGSAI_VISITS_DIR = tmp_path / "visits"
    settings.PRONGSAI_VISITS_WRITER = "app"
    settings.PRONGSAI_VISITS_LOGS = []


def nginx_line(n, *, path="/news/", page="7", method="GET", status="200", ua=BROWSER, **extra):
    """A line as nginx's ``prongsai_visits`` format (escape=json) writes it."""
    fields = {
        "t": f"{1796300000 + n}.{n % 1000:03d}",
        "rid": f"{n:032x}",
        "m": method,
        "s": status,
        "page": page,
        "ip": f"203.0.113.{n % 250}",
        "port": str(40000 + n),
        "ua": ua,
        "path": path,
        "cache": "HIT",
        **extra,
    }
    return json.dumps(fields, separators=(",", ":"))


def totals():
    summary = DailySummary.objects.first()
    return (summary.views, summary.visitors) if summary else (0, 0)


def test_r10_nginx_lines_are_counted_once_even_when_the_job_runs_again(tmp_path):
    log = tmp_path / "prongsai.visits.log"
    log.write_text("".join(nginx_line(n) + "\n" for n in range(10)))
    assert count_visit_logs([log]).counted == 10
    assert count_visit_logs([log]).counted == 0
    assert totals() == (10, 10)
    with log.open("a") as handle:  # nginx goes on appending
        handle.write(nginx_line(10) + "\n")
    assert count_visit_logs([log]).counted == 1
    assert totals() == (11, 11)


def test_r10_rotated_and_compressed_copies_are_not_counted_again(tmp_path):
    log = tmp_path / "prongsai.visits.log"
    log.write_text("".join(nginx_line(n) + "\n" for n in range(5)))
    count_visit_logs([log])
    rotated = tmp_path / "prongsai.visits.log.1"
    os.rename(log, rotated)
    with gzip.open(tmp_path / "prongsai.visits.log.2.gz", "wt") as handle:
        handle.write(rotated.read_text())
    log.write_text(nginx_line(99) + "\n")  # the new file after rotation
    summary = count_visit_logs(sorted(tmp_path.glob("prongsai.visits.log*")))
    assert summary.counted == 1
    assert totals() == (6, 6)


def test_r10_the_parser_is_tolerant_of_missing_and_extra_fields(tmp_path):
    log = tmp_path / "v.log"
    without_port = json.loads(nginx_line(1))
    del without_port["port"], without_port["cache"]
    log.write_text(
        json.dumps(without_port) + "\n" + nginx_line(2, upstream="127.0.0.1:8000", new="x") + "\n"
    )
    summary = count_visit_logs([log])
    assert (summary.counted, summary.malformed) == (2, [])


def test_r10_head_304_and_bots_are_not_counted_and_bad_lines_are_reported(tmp_path):
    log = tmp_path / "v.log"
    log.write_text(
        nginx_line(1, method="HEAD")
        + "\n"
        + nginx_line(2, status="304")
        + "\n"
        + nginx_line(3, ua="Googlebot/2.1")
        + "\n"
        + "not json at all\n"
        + nginx_line(4)
        + "\n"
        + nginx_line(5)[:40]  # still being written: no newline yet
    )
    summary = count_visit_logs([log])
    assert summary.counted == 1 and summary.ignored == 3
    assert summary.malformed == [f"{log}:4"]
    assert totals() == (1, 1)


def test_r10_page_titles_come_from_the_page_id_on_the_line(tmp_path, home_page):
    log = tmp_path / "v.log"
    log.write_text(nginx_line(1, path="/", page=str(home_page.pk)) + "\n")
    count_visit_logs([log])
    assert DailyPageViews.objects.get(path="/").title == home_page.title


def test_r10_behind_nginx_the_application_marks_pages_but_writes_no_line(
    client, home_page, settings
):
    """No double counting: nginx's log is the only writer (PRONGSAI_VISITS_WRITER=nginx)."""
    settings.PRONGSAI_VISITS_WRITER = "nginx"
    response = client.get("/", HTTP_USER_AGENT=BROWSER)
    assert response["X-Prongsai-Page"] == str(home_page.pk)
    assert configured_logs() == []
    settings.PRONGSAI_VISITS_WRITER = "app"
    client.get("/", HTTP_USER_AGENT=BROWSER)
    assert count_visit_logs(configured_logs()).counted == 1


def test_r10_staff_pages_carry_no_mark_so_nginx_never_counts_them(client, home_page):
    client.force_login(UserFactory(is_staff=True))
    assert "X-Prongsai-Page" not in client.get("/", HTTP_USER_AGENT=BROWSER)
