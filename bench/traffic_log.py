"""Traffic data (R40): capture overhead, nginx ingest rate, verification rate, 1M-record tamper.

Run: .venv/bin/python bench/traffic_log.py [capture] [ingest] [verify]   (about a minute for
all three; single process, one core)
"""

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "prongsai.trafficlog.tests.loadtest_site"
WORK = Path(tempfile.mkdtemp(prefix="prongsai-traffic-bench-"))
os.environ["PRONGSAI_TRAFFIC_DIR"] = str(WORK / "capture")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import override_settings  # noqa: E402

from prongsai.trafficlog import chain, records, store  # noqa: E402
from prongsai.trafficlog.nginx import ingest_files  # noqa: E402
from prongsai.trafficlog.verify import verify_file  # noqa: E402


def environ(path="/ping/"):
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "a=1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "REMOTE_ADDR": "203.0.113.10",
        "REMOTE_PORT": "50000",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0",
        "wsgi.url_scheme": "http",
        "wsgi.input": __import__("io").BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }


def serve(handler, count, path):
    started = time.perf_counter()
    for _ in range(count):
        response = handler(environ(path), lambda status, headers: None)
        b"".join(response)
        response.close()
    return count / (time.perf_counter() - started)


def capture_overhead():
    without = [m for m in settings.MIDDLEWARE if "trafficlog" not in m]
    with_capture = WSGIHandler()
    with override_settings(MIDDLEWARE=without):
        without_capture = WSGIHandler()
    results = {}
    for path, count in (("/ping/", 3000), ("/page/", 600)):
        serve(with_capture, 200, path), serve(without_capture, 200, path)  # warm up
        on, off = [], []
        for _ in range(10):  # interleaved rounds; the best round of each is the least disturbed
            on.append(serve(with_capture, count, path))
            off.append(serve(without_capture, count, path))
        on_rate, off_rate = max(on), max(off)
        results[path] = (on_rate, off_rate)
        cost = 1 - on_rate / off_rate
        per_request = (1 / on_rate - 1 / off_rate) * 1e6
        print(
            f"serving {path:7} capture off {off_rate:8.0f} req/s, on {on_rate:8.0f} req/s: "
            f"capture costs {cost * 100:4.1f}% ({per_request:.0f} µs/request)"
        )
    # The middleware alone around a ready response: its own cost without the noise of the rest.
    from django.http import HttpResponse
    from django.test import RequestFactory

    from prongsai.trafficlog.middleware import CaptureMiddleware

    ready = HttpResponse(b"x" * 5000)
    middleware = CaptureMiddleware(lambda request: ready)
    factory = RequestFactory()
    requests = [factory.get("/news/1?page=2", REMOTE_ADDR="203.0.113.10") for _ in range(20000)]
    started = time.perf_counter()
    for request in requests:
        middleware(request)
    alone = (time.perf_counter() - started) / len(requests) * 1e6
    print(f"capture middleware alone: {alone:.1f} µs/request (record built, hashed, one write)")
    return results


def write_nginx_log(log, lines):
    """The documented format; 50 lines per second of traffic, as on a busy site."""
    agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile"
    with open(log, "w") as handle:
        for n in range(lines):
            second = 1768446000 + n // 50
            handle.write(
                f'203.0.113.{n % 250} - - [15/Jan/2026:10:00:00 +0700] "GET /news/{n}?page=2 '
                f'HTTP/1.1" 200 {5000 + n % 999} "https://www.example.go.th/" "{agent}" '
                f'{n:032x} {40000 + n % 20000} {second}.{n % 1000:03d} 0.012 "www.example.go.th"\n'
            )


def ingest_rate(lines=200_000, rounds=3):
    """Best of ``rounds`` fresh ingests; CPU time (process_time) is less disturbed by other load."""
    log = WORK / "access.log"
    write_nginx_log(log, lines)
    walls, cpus = [], []
    for round_number in range(rounds):
        with override_settings(TRAFFIC_DIR=WORK / f"ingest{round_number}"):
            started, started_cpu = time.perf_counter(), time.process_time()
            summary = ingest_files([log])
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - started_cpu)
            again = ingest_files([log]).ingested
            segments = store.list_segments()
            size = sum(info.path.stat().st_size for info in segments)
        assert summary.ingested == lines and not summary.malformed and again == 0
    wall, cpu = min(walls), min(cpus)
    print(
        f"ingest  {lines} nginx lines, best of {rounds}: {wall:.2f} s = {lines / wall:,.0f} lines/s "
        f"wall, {cpu:.2f} s = {lines / cpu:,.0f} lines/s CPU (second run added {again}); "
        f"{size / lines:.0f} bytes/record stored; load average {os.getloadavg()[0]:.2f}"
    )
    return lines / wall, size / lines


def big_segment(count):
    """1M realistic records, chained, written fast (batched writes)."""
    path = WORK / "big" / "2026-01-15" / "20260115T000000.000000-bench-1-000000-app.seg"
    path.parent.mkdir(parents=True, exist_ok=True)
    name = store.relative_name(path)
    prev, line = chain.make_line(chain.genesis(name), records.encode([0, "h", "segment", {}]))
    parts = [line]
    agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0"
    with open(path, "wb") as handle:
        for seq in range(1, count + 1):
            body = (
                f'[{seq},"2026-01-15T10:{seq // 60000 % 60:02d}:{seq // 1000 % 60:02d}.{seq % 1000:03d}'
                f'000+07:00","app","{seq:032x}","203.0.113.{seq % 250}",{40000 + seq % 20000},'
                f'"GET","www.example.go.th","/news/{seq}?page=2",200,{5000 + seq % 999},{seq % 9000},'
                f'"{agent}","https://www.example.go.th/",null]'
            )
            prev, line = chain.make_line(prev, body)
            parts.append(line)
            if len(parts) >= 100_000:
                handle.write(b"".join(parts))
                parts = []
        handle.write(b"".join(parts))
    return path, name


def verify_rate_and_tamper(count=1_000_000):
    started = time.perf_counter()
    path, name = big_segment(count)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    report = verify_file(path, name)
    elapsed = time.perf_counter() - started
    assert report.problem is None and report.records == count
    print(
        f"verify  {count:,} records ({path.stat().st_size / count:.0f} bytes each) in {elapsed:.2f} s "
        f"= {count / elapsed:,.0f} records/s (generated in {generated:.1f} s)"
    )
    original = path.read_bytes()
    lines = original.splitlines(keepends=True)
    randomness = random.Random(2550)

    def check(label, damaged, expect_kind, heads=None):
        path.write_bytes(damaged)
        problem = verify_file(path, name, heads).problem
        assert problem is not None and problem.kind == expect_kind, (label, problem)
        return problem

    victim = randomness.randrange(1, count)
    problem = check("delete", b"".join(lines[:victim] + lines[victim + 1 :]), "deleted records")
    print(f"tamper  delete record #{victim}: detected, {problem}")
    first, second = sorted(randomness.sample(range(1, count), 2))
    swapped = list(lines)
    swapped[first], swapped[second] = swapped[second], swapped[first]
    problem = check("swap", b"".join(swapped), "reordered records")
    print(f"tamper  swap #{first} and #{second}: detected, {problem}")
    flips = 20
    for _ in range(flips):
        position = randomness.randrange(len(original))
        damaged = bytearray(original)
        damaged[position] ^= 1 << randomness.randrange(8)
        problem = check("flip", bytes(damaged), "changed byte")
        assert problem.line == original.count(b"\n", 0, position) + 1
    print(f"tamper  {flips} single-bit flips at random positions: each detected at its line")
    cut = randomness.randrange(1, 300)
    problem = check("torn tail", original[:-cut], "truncated tail")
    print(f"tamper  cut {cut} bytes off the end: detected, {problem}")
    heads = {count + 1: report.head}  # what the sealer's checkpoint recorded
    problem = verify_file(path, name, heads)
    path.write_bytes(b"".join(lines[:-5]))
    shorter = verify_file(path, name, heads)
    assert shorter.problem is None and shorter.records == count - 5  # the chain alone cannot tell
    print(
        "tamper  5 whole records cut off the end: the chain alone is intact; the checkpoint "
        f"({count} records, head {report.head[:12]}…) makes traffic_verify report a truncated tail"
    )
    path.write_bytes(original)
    return count / elapsed


if __name__ == "__main__":
    print(f"# traffic data benchmark, Python {sys.version.split()[0]}, work dir {WORK}")
    parts = sys.argv[1:] or ["capture", "ingest", "verify"]  # e.g. "ingest" alone
    print(f"# load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    if "capture" in parts:
        capture_overhead()
    if "ingest" in parts:
        ingest_rate()
    if "verify" in parts:
        verify_rate_and_tamper()
