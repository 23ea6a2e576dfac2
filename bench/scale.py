"""A page costs the same at 50,000 items as at 1,000 (issue 21): one run, every size.

What it does, for each size in BENCH_SIZES (default 1000,10000,50000):

1. Once per run: migrates a template database on PostgreSQL and loads the demo into it (the
   production settings, DEBUG off), and collects the static files.
2. Copies the template (``CREATE DATABASE … TEMPLATE``) to ``prongsai_scale_<size>`` and adds
   ``size`` news pages in bulk: the tree paths, URL paths and both tables' rows are computed
   and inserted a thousand at a time (no ``add_child`` per page), Thai titles, a quarter with
   Thai slugs, spread over four fiscal years; plus a year of daily page views for 200 paths,
   rolled up as the daily job does.
3. Serves it with gunicorn (2 sync workers, production settings) on 127.0.0.1, on a port of
   8180–8189, and loads each public page type for BENCH_SECONDS with Debian's ``wrk``
   (bench/wrkload.py: installed with apt-get if missing, loopback only, BENCH_WRK_THREADS /
   BENCH_WRK_CONNECTIONS, default 2 / 4); prints requests/s, the CPU ms per request of the
   gunicorn workers and of their PostgreSQL backends (from /proc), and the SQL queries each
   page needs (counted in-process with Django's test client).
4. Times the daily check (without external links), the link check, ``thai_reindex`` (twice:
   the second finds nothing changed and writes nothing) and the completeness check of every
   active catalogue: wall time, the job's own CPU and its database backend's CPU.
5. Prints everything with the ratio largest / smallest size and the load average, and drops
   its databases unless BENCH_KEEP=1.

A database left by an earlier run (``prongsai_scale_<n>k``, built under a temporary name and
renamed when complete) is migrated and reused: ``bench/scale.py build`` only builds, so the
50k database can be made ahead of the measuring run.

Run: .venv/bin/python bench/scale.py [build]
Environment: BENCH_SIZES, BENCH_SECONDS (per page and size, default 6), BENCH_PG (default
postgres://postgres@127.0.0.1:5432), BENCH_KEEP=1 (keep the databases), BENCH_FRESH=1 (build
anew), BENCH_WORK (an earlier run's work folder, to reuse its collected static files),
BENCH_REINDEX_UP_TO (time thai_reindex only on sites of at most this many news items).
"""

import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

PYTHON = sys.executable
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "1000,10000,50000").split(",")]
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
TEMPLATE = "prongsai_scale_template"
PORTS = iter(range(8180, 8185))
KEEP = os.environ.get("BENCH_KEEP") == "1"
FRESH = os.environ.get("BENCH_FRESH") == "1"

PAGES = {
    "home": "/",
    "news listing": "/news/",
    "news ?page=200": "/news/?page=200",
    "news ?kind=job": "/news/?kind=job",
    "news page": None,  # a generated item, found after the build
    "section (laws)": "/laws/",
    "feed": "/feeds/news/",
    "statistics": "/statistics/",
    "HTML site map": "/sitemap/",
    "sitemap.xml": "/sitemap.xml",
    "sitemap part": None,  # the largest news part, found after the build
}


def database_url(name: str) -> str:
    return f"{PG}/{name}"


def admin_sql(*statements: str) -> None:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def environment(work: Path, name: str) -> dict:
    env = dict(os.environ)
    env.pop("REDIS_URL", None)  # each worker's own cache: the worst case for cached counts
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
        DATABASE_URL=database_url(name),
        PRONGSAI_DATA_DIR=str(work),
        SECURE_SSL_REDIRECT="false",
        PRONGSAI_FRONT_CACHE_SECONDS="0",  # measure Django, not nginx
        PYTHONPATH=str(ROOT),
    )
    return env


def run(command: list[str], env: dict, log: Path) -> str:
    with log.open("a") as errors:
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors)
    if result.returncode:
        print(log.read_text()[-3000:])
        raise SystemExit(f"{' '.join(command[1:4])} failed (log: {log})")
    return result.stdout.decode()


def inner(step: str, env: dict, log: Path, *args) -> dict:
    output = run([PYTHON, __file__, "--inner", step, *map(str, args)], env, log)
    return json.loads(output.strip().splitlines()[-1])


# --- inside a Django process ----------------------------------------------------------------


def build(size: int) -> dict:
    """Add ``size`` news items under the demo's news section, in bulk."""
    import datetime as dt
    import random
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from prongsai.accounts.models import Unit
    from prongsai.analytics.models import DailyPageViews
    from prongsai.analytics.rollup import roll_up_page_views
    from prongsai.core import sitecache
    from prongsai.sitepages.models import NewsIndexPage, NewsPage
    from prongsai.sitepages.models.news import NewsKind

    rng = random.Random(size)
    index = NewsIndexPage.objects.get()
    unit = Unit.objects.first()
    content_type = ContentType.objects.get_for_model(NewsPage)
    last = index.get_last_child()
    start_number = int(last.path[-index.steplen :], 36) if last else 0
    words = ["ประกาศ", "ข่าว", "กิจกรรม", "โครงการ", "อบรม", "รับสมัคร", "จัดซื้อ", "ผลการ"]
    kinds = list(NewsKind.values)
    now = timezone.now()
    with transaction.atomic():
        for first in range(0, size, 1000):
            bases, items = [], []
            for n in range(first, min(size, first + 1000)):
                title = f"{rng.choice(words)}{rng.choice(words)} ครั้งที่ {n + 1}"
                slug = f"ข่าว-{n}" if n % 4 == 0 else f"item-{n}"
                published = dt.date(2023, 10, 1) + dt.timedelta(days=rng.randrange(4 * 365))
                when = timezone.make_aware(dt.datetime.combine(published, dt.time(9)))
                common = {
                    "title": title,
                    "draft_title": title,
                    "slug": slug,
                    "path": index.path + _step(start_number + n + 1),
                    "depth": index.depth + 1,
                    "numchild": 0,
                    "url_path": f"{index.url_path}{slug}/",
                    "content_type_id": content_type.pk,
                    "live": True,
                    "first_published_at": when,
                    "last_published_at": when,
                    "latest_revision_created_at": when,
                    "locale_id": index.locale_id,
                    "translation_key": uuid.uuid4(),
                }
                bases.append(Page(**common))
                items.append(
                    {
                        "news_kind": rng.choice(kinds),
                        "introduction": f"{title} รายละเอียดโดยย่อ",
                        "owner_unit_id": unit.pk,
                        "source": unit.name,
                        "info_period_start": published,
                        "published_date": published,
                        "body": [("paragraph", f'<p>{title} <a href="/news/">ข่าวทั้งหมด</a></p>')],
                    }
                )
            Page.objects.bulk_create(bases)
            news = []
            for base, fields in zip(bases, items, strict=True):
                page = NewsPage(page_ptr_id=base.pk, **fields)
                news.append(page)
            NewsPage._base_manager._insert(news, fields=NewsPage._meta.local_concrete_fields)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + size)
        views = []
        paths = [f"/news/item-{n}/" for n in range(1, min(size, 800), 4)][:200]
        day = now.date() - dt.timedelta(days=365)
        while day <= now.date():
            views += [
                DailyPageViews(day=day, path=path, section="news", views=rng.randint(1, 50))
                for path in paths
            ]
            day += dt.timedelta(days=1)
        DailyPageViews.objects.bulk_create(views, batch_size=5000)
    roll_up_page_views()
    sitecache.bump_all()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would leave them
    return {"news": NewsPage.objects.count(), "views_rows": len(views)}


def _step(number: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = alphabet[rest] + digits
    return digits.rjust(4, "0")


def targets() -> dict:
    """The URLs to load: one generated news item and the largest sitemap part."""
    from django.test import Client

    from prongsai.sitepages.models import NewsPage

    item = NewsPage.objects.filter(slug__startswith="item-").order_by("-pk").first()
    index = Client().get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    parts = [loc.split("localhost", 1)[1] for loc in index.split("<loc>")[1:]]
    parts = [part.split("</loc>")[0] for part in parts]
    return {"news page": item.url, "sitemap part": parts[-2] if len(parts) > 1 else parts[0]}


def queries(paths_json: str) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for name, path in json.loads(paths_json).items():
        client.get(path, HTTP_HOST="localhost")
        client.get(path, HTTP_HOST="localhost")  # the second request: caches warm
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path, HTTP_HOST="localhost").status_code
        counts[name] = {"queries": len(captured), "status": status}
    return counts


def jobs() -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Site

    from prongsai.compliance.selectors import active_catalogues, catalogue_completeness
    from prongsai.monitoring.daily import run_daily_check
    from prongsai.monitoring.linkcheck import run_link_check
    from prongsai.sitepages.models import NewsPage

    timings = {}
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]

    def backend_cpu() -> float:
        import wrkload

        return wrkload._cpu_seconds([backend])

    def timed(name, function, *args, **kwargs):
        started, cpu, db_cpu = time.perf_counter(), time.process_time(), backend_cpu()
        function(*args, **kwargs)
        timings[name] = {
            "seconds": time.perf_counter() - started,
            "app_cpu": time.process_time() - cpu,
            "db_cpu": backend_cpu() - db_cpu,
        }

    site = Site.objects.get(is_default_site=True)
    today = timezone.localdate()
    timed("daily check", run_daily_check, check_external_links=False, notify=False)
    timed("link check", run_link_check, external=False)
    if NewsPage.objects.count() <= int(os.environ.get("BENCH_REINDEX_UP_TO", "100000")):
        timed("thai_reindex", call_command, "thai_reindex", verbosity=0)
        timed("thai_reindex again (nothing changed)", call_command, "thai_reindex", verbosity=0)
    timed(
        "completeness check",
        lambda: [catalogue_completeness(c, site, today) for c in active_catalogues()],
    )
    return timings


def daily_profile() -> dict:
    """Where the daily check's time goes: the link check and each registered check, with the
    number of SQL queries each needs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from prongsai.core.dailycheck import registered_checks
    from prongsai.monitoring.linkcheck import run_link_check

    today = timezone.localdate()
    parts = [("link check", lambda: run_link_check(external=False))]
    parts += [
        (check.key, lambda check=check: list(check.run(today=today)))
        for check in registered_checks()
    ]
    found = {}
    for name, function in parts:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            function()
            seconds = time.perf_counter() - started
        found[name] = {"seconds": round(seconds, 3), "queries": len(captured)}
    return found


def inner_main(step: str, *args) -> None:
    import django

    django.setup()
    result = {
        "build": build,
        "targets": targets,
        "queries": queries,
        "jobs": jobs,
        "daily_profile": daily_profile,
    }[step](*[int(a) if a.isdigit() else a for a in args])
    print(json.dumps(result, ensure_ascii=False))


# --- the run --------------------------------------------------------------------------------


def prepare_template(work: Path, log: Path) -> None:
    admin_sql(f"DROP DATABASE IF EXISTS {TEMPLATE}", f"CREATE DATABASE {TEMPLATE}")
    env = environment(work, TEMPLATE)
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        started = time.perf_counter()
        run([PYTHON, "manage.py", *command], env, log)
        print(f"  {command[0]}: {time.perf_counter() - started:.0f} s", flush=True)


def serve_and_measure(env: dict, paths: dict, database: str) -> dict:
    import public_pages as pp
    import wrkload

    port = next(PORTS)
    server = pp.start_gunicorn(ROOT, env, port, "config.wsgi:application")
    try:
        pp.wait_for(port, "/", server)
        found = {}
        for name, path in paths.items():
            url = f"http://127.0.0.1:{port}{path}"
            wrkload.run_wrk(url, 1)  # warm-up: templates, caches, the workers' connections
            found[name] = wrkload.measure(
                url,
                SECONDS,
                master_pid=server.pid,
                admin_url=database_url("postgres"),
                database=database,
            )
            print(f"  {name}: {found[name]['rps']:.0f} req/s", flush=True)
        return found
    finally:
        pp.stop(server)


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def ensure_built(size: int, work: Path, log: Path) -> tuple[str, float | None]:
    """The database of ``size`` items: reused if a previous run left it (migrated to the current
    code), else copied from the template and filled. It is built under a temporary name and
    renamed when complete, so an interrupted build is never mistaken for a finished one."""
    name = f"prongsai_scale_{size // 1000}k"
    env = environment(work, name)
    if database_exists(name) and not FRESH:
        run([PYTHON, "manage.py", "migrate", "--noinput"], env, log)
        if not (work / "static" / "staticfiles.json").exists():
            run([PYTHON, "manage.py", "collectstatic", "--noinput"], env, log)
        print(f"{size}: reusing {name}", flush=True)
        return name, None
    if not database_exists(TEMPLATE) or FRESH:
        started = time.perf_counter()
        prepare_template(work, log)
        print(f"template ready in {time.perf_counter() - started:.0f} s", flush=True)
    building = f"{name}_building"
    admin_sql(
        f"DROP DATABASE IF EXISTS {building}", f"CREATE DATABASE {building} TEMPLATE {TEMPLATE}"
    )
    began = time.perf_counter()
    built = inner("build", environment(work, building), log, size)
    seconds = time.perf_counter() - began
    admin_sql(f"DROP DATABASE IF EXISTS {name}", f"ALTER DATABASE {building} RENAME TO {name}")
    print(f"{size}: built in {seconds:.0f} s {built}", flush=True)
    return name, seconds


def main() -> None:
    if os.environ.get("BENCH_WORK"):  # an earlier run's folder: its static files are reused
        work = Path(os.environ["BENCH_WORK"])
    else:
        work = Path(tempfile.mkdtemp(prefix="prongsai-scale-"))
    log = work / "bench.log"
    build_only = sys.argv[1:] == ["build"]
    print(f"work folder {work}; sizes {SIZES}; {SECONDS:.0f} s per page", flush=True)
    results = {}
    for size in SIZES:
        name, build_seconds = ensure_built(size, work, log)
        if build_only:
            continue
        env = environment(work, name)
        paths = {**PAGES, **inner("targets", env, log)}
        counted = inner("queries", env, log, json.dumps(paths))
        served = serve_and_measure(env, paths, name)
        timings = inner("jobs", env, log)
        results[size] = {
            "build": build_seconds,
            "pages": served,
            "queries": counted,
            "jobs": timings,
            "load": os.getloadavg(),
        }
        report(results)
        (work / "results.json").write_text(json.dumps(results, indent=1))
    if not build_only and not KEEP:
        for size in SIZES:
            admin_sql(f"DROP DATABASE IF EXISTS prongsai_scale_{size // 1000}k")
        admin_sql(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    print(f"\nresults: {work / 'results.json'}")


def report(results: dict) -> None:
    sizes = sorted(results)
    low, high = sizes[0], sizes[-1]
    loads = ", ".join(f"{s // 1000}k: {results[s]['load'][0]:.1f}" for s in sizes)
    print(f"\nload average (1 min) after each size: {loads}")
    head = " | ".join(f"{s // 1000}k req/s | app ms | db ms | q" for s in sizes)
    print(f"\n| page | {head} | CPU {high // 1000}k/{low // 1000}k |")
    for page in PAGES:
        cells = []
        for size in sizes:
            served = results[size]["pages"][page]
            counted = results[size]["queries"][page]
            cells.append(
                f"{served['rps']:.0f} | {served['app_cpu_ms']:.1f} | {served['db_cpu_ms']:.2f}"
                f" | {counted['queries']}"
            )
        cpu = {
            s: results[s]["pages"][page]["app_cpu_ms"] + results[s]["pages"][page]["db_cpu_ms"]
            for s in (low, high)
        }
        print(f"| {page} | {' | '.join(cells)} | {cpu[high] / max(cpu[low], 1e-6):.2f}× |")
    head = " | ".join(f"{s // 1000}k wall s | app CPU s | db CPU s" for s in sizes)
    print(f"\n| job | {head} | wall {high // 1000}k/{low // 1000}k |")
    for job in results[low]["jobs"]:
        if any(job not in results[size]["jobs"] for size in sizes):
            continue  # not run at every size (BENCH_REINDEX_UP_TO)
        cells = []
        for size in sizes:
            t = results[size]["jobs"][job]
            cells.append(f"{t['seconds']:.2f} | {t['app_cpu']:.2f} | {t['db_cpu']:.2f}")
        ratio = results[high]["jobs"][job]["seconds"] / max(
            results[low]["jobs"][job]["seconds"], 1e-6
        )
        print(f"| {job} | {' | '.join(cells)} | {ratio:.1f}× |")
    builds = [results[s]["build"] for s in sizes]
    print(
        f"| build (bulk insert) | {' | '.join(f'{b:.0f}' if b else 'reused' for b in builds)} | |"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--inner":
        inner_main(sys.argv[2], *sys.argv[3:])
    else:
        main()
