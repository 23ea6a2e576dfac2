"""Search latency (p50/p95) on a generated site of 100,000 pages on PostgreSQL, and indexing
throughput (items/s).

Builds the scratch database ``prongsai_searchbench_<pages>`` on the PostgreSQL server of
``PRONGSAI_BENCH_POSTGRES`` (default postgres://postgres@127.0.0.1:5432). Generating 100,000
pages through Wagtail's page API (tree locking, revisions, signals) would take hours, so the pages
are bulk-inserted as plain Wagtail pages under one section, and their index entries are written
by Prongsai's real indexer (Thai segmentation + Wagtail's PostgreSQL upsert) in batches — the
throughput printed is that indexer's. Text is built from the Thai corpus (prongsai/search/corpus)
with variations, so words repeat the way agency content does.

Usage: .venv/bin/python bench/search_latency.py [--pages N] [--reuse]

* ``PRONGSAI_BENCH_SEARCH_PAGES`` (or ``--pages``): number of pages, default 100,000; a few
  thousand give a quick run.
* ``--reuse`` (or ``PRONGSAI_BENCH_SEARCH_REUSE=1``): keep the database at the end and, next time,
  reuse it when it holds the same number of pages (migrations are still applied, so a new index
  is measured without rebuilding). Without it the database is dropped at the end.
* ``PRONGSAI_BENCH_SEARCH_DB``: another name for the scratch database.
* ``--slowest N``: also print the N slowest queries of the ``selectors.candidates`` run.
* The database is vacuumed after it is built, and a reused one when it holds dead index rows:
  production runs autovacuum, and a freshly upserted index (dead rows, GIN pending lists that
  every search scans) is not what a site serves from.
* PostgreSQL not reachable: the bench prints why it is skipped and exits 0.
"""

import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
SERVER = os.environ.get("PRONGSAI_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PAGES = int(
    sys.argv[sys.argv.index("--pages") + 1]
    if "--pages" in sys.argv
    else os.environ.get("PRONGSAI_BENCH_SEARCH_PAGES", "100000")
)
SLOWEST = int(sys.argv[sys.argv.index("--slowest") + 1]) if "--slowest" in sys.argv else 0
REUSE = "--reuse" in sys.argv or os.environ.get("PRONGSAI_BENCH_SEARCH_REUSE", "") == "1"
#: One scratch database per size, so a quick run does not throw away the 100,000-page one.
DB_NAME = os.environ.get("PRONGSAI_BENCH_SEARCH_DB", f"prongsai_searchbench_{PAGES}")
os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
BATCH = 1000
QUERY_RUNS = 400
PAGE_RUNS = 100
#: Written once the generated site is complete; a reused database must hold this many pages.
MARKER_TABLE = "prongsai_searchbench_built"


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def unreachable_reason() -> str:
    """Why PostgreSQL cannot be used ("" when it can)."""
    try:
        with psycopg.connect(f"{SERVER}/postgres", connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ""


def built_site() -> tuple[int, float] | None:
    """(pages, indexing items/s) of a complete generated site kept by an earlier --reuse run."""
    try:
        with psycopg.connect(f"{SERVER}/{DB_NAME}", connect_timeout=3) as connection:
            row = connection.execute(f"SELECT pages, items_per_second FROM {MARKER_TABLE}")  # noqa: S608
            return row.fetchone()
    except psycopg.Error:
        return None


def synthetic_texts(count: int):
    from prongsai.search import corpus

    rng = random.Random(2569)
    items = [i for i in corpus.items() if i["type"] != "document"]
    words = " ".join(f"{i['title']} {i['body']}" for i in items).split()
    for number in range(count):
        first, second = rng.choice(items), rng.choice(items)
        title = f"{first['title']} ครั้งที่ {number % 500 + 1}/{2560 + number % 10}"
        body = " ".join([first["body"], second["introduction"], *rng.sample(words, 25)])
        yield title, body


def bulk_pages(section, count: int) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    rows = []
    for number, (title, _body) in enumerate(synthetic_texts(count), start=1):
        slug = f"p{number}"
        rows.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(section.path, section.depth + 1, number),
                depth=section.depth + 1,
                numchild=0,
                url_path=f"{section.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=section.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
        if len(rows) == BATCH:
            Page.objects.bulk_create(rows)
            rows = []
    Page.objects.bulk_create(rows)
    Page.objects.filter(pk=section.pk).update(numchild=count)


def index_pages(section, count: int) -> float:
    """Index the pages with the real Thai indexer; returns items per second."""
    from modelsearch.backends import get_search_backend
    from modelsearch.index import SearchField
    from wagtail.models import Page

    class TextField(SearchField):
        def get_value(self, obj):
            return getattr(obj, self.field_name)

    class GeneratedPage:
        def __init__(self, pk, title, body):
            self.pk, self.title, self.body = pk, title, body

        def get_search_fields(self):
            return [TextField("title"), TextField("body")]

    index = get_search_backend().get_index_for_model(Page)
    ids = list(Page.objects.child_of(section).order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    batch = []
    for pk, (title, body) in zip(ids, synthetic_texts(count), strict=True):
        batch.append(GeneratedPage(pk, title, body))
        if len(batch) == BATCH:
            index.add_items(Page, batch)
            batch = []
    if batch:
        index.add_items(Page, batch)
    return count / (time.perf_counter() - started)


def measure(queries: list[str]) -> list[float]:
    from prongsai.search.selectors import candidates

    timings = []
    for query in queries:
        started = time.perf_counter()
        found = candidates(query)
        timings.append((time.perf_counter() - started) * 1000)
        assert isinstance(found, list)
    return timings


def _backend_cpu_seconds() -> float | None:
    """CPU time used so far by this connection's PostgreSQL backend, when the server runs on
    this machine and its /proc entry is readable (else None)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_search(queries: list[str]) -> str:
    """Mean CPU milliseconds per ``candidates`` call, in this process and in the database
    backend: the work itself, which other jobs on a shared machine do not inflate the way they
    inflate wall-clock latency."""
    from prongsai.search.selectors import candidates

    backend_before, client_before = _backend_cpu_seconds(), time.process_time()
    for query in queries:
        candidates(query)
    client = (time.process_time() - client_before) * 1000 / len(queries)
    backend_after = _backend_cpu_seconds()
    if backend_before is None or backend_after is None:
        return f"client {client:.1f} ms (database backend not readable)"
    backend = (backend_after - backend_before) * 1000 / len(queries)
    return f"client {client:.1f} ms + database {backend:.1f} ms = {client + backend:.1f} ms"


def statements_per_search(queries: list[str]) -> str:
    """Statements (round trips) of ``selectors.candidates`` per query: median and most."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from prongsai.search.selectors import candidates

    counts = []
    for query in queries:
        with CaptureQueriesContext(connection) as captured:
            candidates(query)
        counts.append(len(captured.captured_queries))
    return f"{statistics.median(counts):.0f} (most {max(counts)})"


def vacuum_if_needed() -> None:
    """VACUUM (ANALYZE) the index table when it holds dead rows (upserts of a rebuild)."""
    from django.db import connection
    from modelsearch.conf import get_app_config

    table = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = %s", [table])
        row = cursor.fetchone()
        if row and row[0]:
            started = time.perf_counter()
            cursor.execute(f"VACUUM (ANALYZE) {table}")
            print(f"vacuumed {row[0]} dead index rows in {time.perf_counter() - started:.0f} s")


def build_site_with_pages() -> float:
    """Generate the site and its index; returns the indexing throughput (items/s)."""
    from django.db import connection

    from prongsai.sitepages import models as m
    from prongsai.sitepages.tests.factories import add_page, build_site

    home = build_site()
    section = add_page(home, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    started = time.perf_counter()
    bulk_pages(section, PAGES)
    print(f"{PAGES} pages bulk-created in {time.perf_counter() - started:.0f} s", flush=True)
    rate = index_pages(section, PAGES)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute(f"CREATE TABLE {MARKER_TABLE} (pages integer, items_per_second real)")
        cursor.execute(f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s)", [PAGES, rate])  # noqa: S608
    return rate


def measure_page(queries: list[str]) -> list[float]:
    """Whole search page: candidates, snippets with highlighting, template, query log."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    timings = []
    for query in queries:
        started = time.perf_counter()
        response = client.get("/search/", {"q": query})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return timings


def percentiles(timings: list[float]) -> str:
    p50 = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return f"p50 = {p50:.1f} ms, p95 = {p95:.1f} ms, max = {max(timings):.1f} ms"


def main() -> None:
    reason = unreachable_reason()
    if reason:
        print(f"search latency bench skipped: PostgreSQL is not reachable at {SERVER} ({reason})")
        return
    kept = built_site() if REUSE else None
    if kept and kept[0] != PAGES:
        kept = None
    if kept is None:
        admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        admin(f"CREATE DATABASE {DB_NAME}")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from prongsai.search import corpus

        call_command("migrate", verbosity=0, interactive=False)
        if kept is None:
            rate = build_site_with_pages()
            print(
                f"indexing throughput: {rate:.0f} items/s (Thai segmentation + PostgreSQL upsert)"
            )
        else:
            rate = kept[1]
            print(
                f"reusing the generated site of {PAGES} pages in {DB_NAME} "
                f"(indexing throughput when it was built: {rate:.0f} items/s)"
            )
            vacuum_if_needed()
        queries = [case["query"] for case in corpus.queries()]
        measure(queries[:20])  # warm caches and the tokenizer
        rng = random.Random(1)
        sample = [rng.choice(queries) for _ in range(QUERY_RUNS)]
        timings = measure(sample)
        print(
            f"search latency on {PAGES} pages, {QUERY_RUNS} corpus queries: "
            f"{percentiles(timings)} (load average {os.getloadavg()[0]:.1f})"
        )
        print(f"statements per search: {statements_per_search(queries[:50])}")
        print(f"CPU per search (mean of {QUERY_RUNS}): {cpu_per_search(sample)}")
        for ms, query in sorted(zip(timings, sample, strict=True), reverse=True)[:SLOWEST]:
            print(f"  {ms:6.1f} ms  {query}")
        timings = measure_page([rng.choice(queries) for _ in range(PAGE_RUNS)])
        print(
            f"search page (snippets, highlighting, query log), {PAGE_RUNS} requests: "
            f"{percentiles(timings)} (load average {os.getloadavg()[0]:.1f})"
        )
        connection.close()
    finally:
        if not REUSE:
            admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


if __name__ == "__main__":
    main()
