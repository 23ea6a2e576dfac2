"""Visitor statistics (R10): page serving with counting on vs. off, in the same run.

Run: .venv/bin/python bench/visitor_counting.py   (about a minute: migrating a fresh database
takes most of it). Uses DATABASE_URL when set, otherwise a fresh SQLite file.
Each request goes through Django's full WSGI stack and the response is closed as a WSGI
server would close it. With counting on, a view appends one line to the visits log (ADR 0131);
the every-minute job then counts the lines in one transaction, timed separately below. On and
off are interleaved in rounds so machine noise hits both alike.
"""

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="prongsai-visitor-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

REQUESTS_PER_ROUND = 50
ROUNDS = 6
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"


def environ(n: int) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
        "HTTP_USER_AGENT": BROWSER,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }


def serve(handler, n: int) -> float:
    start = time.perf_counter()
    response = handler(environ(n), lambda status, headers: None)
    b"".join(response)
    response.close()  # the WSGI server's close(): the visitor count is written here
    return (time.perf_counter() - start) * 1000


def main():
    call_command("migrate", verbosity=0)
    from prongsai.analytics.models import DailySummary
    from prongsai.sitepages.tests.factories import build_site

    build_site()
    handler = WSGIHandler()
    for n in range(20):  # warm templates and caches
        serve(handler, n)
    timings = {"off": [], "on": []}
    counter = 1000
    for _ in range(ROUNDS):
        for mode in ("off", "on"):
            settings.PRONGSAI_ANALYTICS_ENABLED = mode == "on"
            for _ in range(REQUESTS_PER_ROUND):
                counter += 1
                timings[mode].append(serve(handler, counter))
    from prongsai.analytics.services import count_visit_logs
    from prongsai.analytics.tasks import configured_logs

    job_started = time.perf_counter()
    summary = count_visit_logs(configured_logs())
    job_ms = (time.perf_counter() - job_started) * 1000
    counted = DailySummary.objects.get().views
    print(f"database: {connection.vendor}")
    for mode, values in timings.items():
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        print(
            f"counting {mode:>3}: {len(values)} requests, median {statistics.median(values):.2f} ms, "
            f"mean {statistics.mean(values):.2f} ms, p95 {p95:.2f} ms"
        )
    extra = statistics.median(timings["on"]) - statistics.median(timings["off"])
    ratio = statistics.median(timings["off"]) / statistics.median(timings["on"])
    print(f"median cost of counting per view: {extra:.2f} ms")
    print(f"counted-visit throughput / uncounted: {ratio * 100:.1f} %")
    print(
        f"counting job: {summary.counted} lines in {job_ms:.1f} ms "
        f"({job_ms / max(summary.counted, 1):.3f} ms per view)"
    )
    expected = 20 + ROUNDS * REQUESTS_PER_ROUND
    print(f"views counted: {counted} (expected {expected})")
    if counted != expected:
        raise SystemExit("lost or extra counts")


if __name__ == "__main__":
    main()
