"""Search latency (p50/p95) on a generated site of 100,000 pages on PostgreSQL, and indexing
throughput (items/s).

Creates the scratch database postgres://postgres@127.0.0.1:5432/prongsai_searchbench, drops it at
the end. Generating 100,000 pages through Wagtail's page API (tree locking, revisions, signals)
would take hours, so the pages are bulk-inserted as plain Wagtail pages under one section, and
their index entries are written by Prongsai's real indexer (Thai segmentation + Wagtail's
PostgreSQL upsert) in batches — the throughput printed is that indexer's. Text is built from the
Thai corpus (prongsai/search/corpus) with variations, so words repeat the way agency content does.

Usage: .venv/bin/python bench/search_latency.py [--pages N]
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
SERVER = "postgres://postgres@127.0.0.1:5432"
DB_NAME = "prongsai_searchbench"
os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

PAGES = int(sys.argv[sys.argv.index("--pages") + 1]) if "--pages" in sys.argv else 100_000
BATCH = 1000
QUERY_RUNS = 400


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


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


def main() -> None:
    admin(f"DROP DATABASE IF EXISTS {DB_NAME}")
    admin(f"CREATE DATABASE {DB_NAME}")
    try:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from prongsai.search import corpus
        from prongsai.sitepages import models as m
        from prongsai.sitepages.tests.factories import add_page, build_site

        call_command("migrate", verbosity=0, interactive=False)
        home = build_site()
        section = add_page(home, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
        started = time.perf_counter()
        bulk_pages(section, PAGES)
        print(f"{PAGES} pages bulk-created in {time.perf_counter() - started:.0f} s")
        rate = index_pages(section, PAGES)
        print(f"indexing throughput: {rate:.0f} items/s (Thai segmentation + PostgreSQL upsert)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        queries = [case["query"] for case in corpus.queries()]
        measure(queries[:20])  # warm caches and the tokenizer
        rng = random.Random(1)
        timings = measure([rng.choice(queries) for _ in range(QUERY_RUNS)])
        p50 = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        print(
            f"search latency on {PAGES} pages, {QUERY_RUNS} corpus queries: "
            f"p50 = {p50:.1f} ms, p95 = {p95:.1f} ms, max = {max(timings):.1f} ms"
        )
        connection.close()
    finally:
        admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


if __name__ == "__main__":
    main()
