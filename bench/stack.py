"""The production stack under load (issue 20): nginx's page cache vs static files vs gunicorn.

Run: .venv/bin/python bench/stack.py   (brings the loopback stack up with deploy/stack.sh and
takes it down again, unless PRONGSAI_STACK_DIR points at one already running).
One run, one machine, one load tool (Debian's wrk, loopback, bounded in time):

1. a news page served from nginx's cache over HTTPS, as visitors get it;
2. the same bytes served by nginx as a static file (same server, same TLS);
3. the same page uncached, straight from gunicorn (what every request cost before);
4. publish-to-visible: a title published, then polled through nginx until it shows;
5. counting: a browser-User-Agent wrk run on the cached page, then the nginx log ingested and
   the visits counted: traffic records and counted views against wrk's own request count.
"""

import http.client
import os
import re
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN_STACK = "PRONGSAI_STACK_DIR" not in os.environ
STACK_DIR = Path(
    os.environ.get("PRONGSAI_STACK_DIR") or tempfile.mkdtemp(prefix="prongsai-bench-stack-")
)
if OWN_STACK:
    STACK_DIR.chmod(0o755)  # mkdtemp makes it 0700: PostgreSQL (user postgres) must reach pg/
os.environ["PRONGSAI_STACK_DIR"] = str(STACK_DIR)
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
THREADS, CONNECTIONS = 2, 16
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36"
COUNTING_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) sent = 0; got = 0 end
function request() sent = sent + 1; return wrk.request() end
function response(status, headers, body) if status == 200 then got = got + 1 end end
function done(summary, latency, requests)
  local s, g = 0, 0
  for _, t in ipairs(threads) do s = s + t:get("sent"); g = g + t:get("got") end
  io.write(string.format("COUNTS sent=%d got=%d\\n", s, g))
end
"""


def stack(command: str) -> None:
    subprocess.run([str(ROOT / "deploy" / "stack.sh"), command], check=True)


def wrk(url: str, *, headers=(), script: str | None = None, seconds: int = SECONDS) -> dict:
    args = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    for header in headers:
        args += ["-H", header]
    if script:
        args += ["-s", script]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    result["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    for name in ("50", "99"):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        result[f"p{name}"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["non2xx"] = int(errors.group(1)) if errors else 0
    counts = re.search(r"COUNTS sent=(\d+) got=(\d+)", output)
    if counts:
        result["sent"], result["got"] = int(counts.group(1)), int(counts.group(2))
    return result


def main() -> int:
    if OWN_STACK:
        stack("up")
    try:
        return run()
    finally:
        if OWN_STACK:
            stack("down")


def run() -> int:
    env = dict(line.split("=", 1) for line in (STACK_DIR / "env").read_text().splitlines() if line)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db.models import Sum
    from django.utils import timezone

    from prongsai.analytics.models import DailySummary
    from prongsai.sitepages.models import NewsPage
    from prongsai.trafficlog import store

    https_port = int(env["WAGTAILADMIN_BASE_URL"].rsplit(":", 1)[1])
    web = env["PRONGSAI_BIND"]
    news = NewsPage.objects.live().order_by("pk").first()
    path = "/" + news.url_path.removeprefix(news.get_site().root_page.url_path).strip("/") + "/"
    base = f"https://127.0.0.1:{https_port}"
    context = ssl.create_default_context(cafile=str(STACK_DIR / "tls" / "cert.pem"))

    def fetch(target):
        connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=context)
        connection.request("GET", target, headers={"User-Agent": "bench"})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    fetch(path)
    response, body = fetch(path)
    assert response.headers["X-Cache"] == "HIT", response.headers
    static_dir = Path(env["PRONGSAI_DATA_DIR"]) / "static" / "bench"
    static_dir.mkdir(parents=True, exist_ok=True)
    (static_dir / "news.html").write_bytes(body)
    load = os.getloadavg()
    print(
        f"machine: {os.cpu_count()} cores, load average {load[0]:.1f}; page {path}, "
        f"{len(body)} bytes; wrk -t{THREADS} -c{CONNECTIONS} -d{SECONDS}s",
        flush=True,
    )

    results = {}
    results["cached"] = wrk(base + path)
    results["static"] = wrk(base + "/static/bench/news.html")
    results["gunicorn"] = wrk(
        f"http://{web}{path}", headers=("Host: 127.0.0.1", "X-Forwarded-Proto: https")
    )
    for name, label in (
        ("cached", "news page, nginx cache (HTTPS)"),
        ("static", "same bytes, nginx static file (HTTPS)"),
        ("gunicorn", "news page, uncached, gunicorn"),
    ):
        r = results[name]
        print(
            f"{label:<40} {r['rps']:>9.1f} req/s  p50 {r['p50']:.2f} ms  p99 {r['p99']:.2f} ms"
            f"  non-2xx {r['non2xx']}"
        )
    ratio = results["cached"]["rps"] / results["static"]["rps"]
    print(
        f"cached / static: {ratio * 100:.1f} % (target ≥ 50 %); "
        f"cached / uncached: {results['cached']['rps'] / results['gunicorn']['rps']:.1f}×"
    )

    timings = []
    for attempt in range(5):
        title = f"{news.title.split(' (')[0]} (bench {attempt} {time.time():.0f})"
        news.title = title
        news.save_revision().publish()
        started = time.monotonic()
        while title not in fetch(path)[1].decode():
            if time.monotonic() - started > 10:
                break
            time.sleep(0.01)
        timings.append((time.monotonic() - started) * 1000)
        fetch(path)
    print(
        f"publish-to-visible: median {statistics.median(timings):.0f} ms, max "
        f"{max(timings):.0f} ms over {len(timings)} publishes (target ≤ 1000 ms)"
    )

    def manage(*args):
        return subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    def views_today():
        rows = DailySummary.objects.filter(day=timezone.localdate())
        return rows.aggregate(n=Sum("views"))["n"] or 0

    log = STACK_DIR / "log" / "prongsai.access.log"
    manage("traffic_ingest_nginx", str(log))
    manage("count_visits")
    views_before = views_today()

    def nginx_records_for(target) -> int:
        needle = f'"GET","127.0.0.1","{target}",200'
        return sum(
            info.path.read_text(errors="replace").count(needle)
            for info in store.list_segments()
            if info.name.endswith("-nginx.seg")
        )

    records_before = nginx_records_for(path)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(COUNTING_LUA)
    counted_run = wrk(
        base + path, headers=(f"User-Agent: {BROWSER}",), script=script.name, seconds=5
    )
    os.unlink(script.name)
    time.sleep(1.5)
    manage("traffic_ingest_nginx", str(log))
    manage("count_visits")
    records = nginx_records_for(path) - records_before
    views = views_today() - views_before
    print(
        f"counting run: wrk got {counted_run['got']} responses ({counted_run['sent']} sent, "
        f"{counted_run['rps']:.1f} req/s); nginx traffic records {records}; counted views {views}"
    )
    exact = counted_run["got"] <= records <= counted_run["sent"] and views == records
    print("lost 0, doubled 0" if exact else "MISMATCH between wrk, traffic records and counts")
    print(
        "(records between wrk's responses and requests sent: wrk stops with requests in flight"
        " that nginx answered but wrk no longer read)"
    )
    return 0 if exact and ratio >= 0.5 and max(timings) <= 1000 else 1


if __name__ == "__main__":
    raise SystemExit(main())
