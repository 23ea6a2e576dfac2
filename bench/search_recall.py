"""Recall@10, MRR and nDCG@10 of Prongsai's Thai search on SQLite and PostgreSQL, and of Wagtail's
default database search, in one run (ADR 0064, 0222).

Same corpus (prongsai/search/corpus: about 540 items, 500 graded queries), one child process per
database: the corpus is loaded into a fresh in-memory SQLite database and into a scratch
PostgreSQL database (``prongsai_search_bench_recall`` on ``PRONGSAI_BENCH_POSTGRES``, default
postgres://postgres@127.0.0.1:5432; created and dropped here), indexed with Prongsai's Thai
backend and measured, then re-indexed with Wagtail's stock database backend and measured again.
Lines for the held-out queries (never looked at while tuning) follow each database's figures,
then the "did you mean" correction rate on the ranking set's queries typed with misspellings
(corpus/typo_queries.yaml, ADR 0270).

Usage: .venv/bin/python bench/search_recall.py [--misses] [--sqlite-only]
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("PRONGSAI_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PG_DB = os.environ.get("PRONGSAI_BENCH_RECALL_DB", "prongsai_search_bench_recall")


def measure() -> None:
    """Child: load, index and measure on the database of DATABASE_URL."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from prongsai.accounts.tests.factories import UnitFactory
    from prongsai.search import corpus
    from prongsai.sitepages.tests.factories import build_site

    call_command("migrate", verbosity=0, interactive=False)
    home = build_site()
    unit = UnitFactory(code="bench-unit", name="กองคลัง")
    started = time.perf_counter()
    loaded = corpus.load(home, unit)
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[connection.vendor]
    print(
        f"{vendor}: {len(loaded)} items loaded and indexed in {time.perf_counter() - started:.0f} s"
    )
    cases = corpus.queries()
    ours, theirs, _throughput = corpus.compare(loaded, cases)
    holdout = [case for case in cases if case.get("holdout")]
    print(ours.line(f"Prongsai, {vendor}"))
    print(corpus.evaluate(loaded, corpus.prongsai_search, holdout).line("  held-out queries only"))
    print(theirs.line(f"Wagtail default search, {vendor}"))
    from wagtail.models import Site

    from prongsai.search.corpus.typos import evaluate_typos, typo_cases
    from prongsai.search.services import rebuild_vocabulary

    site = Site.objects.get(is_default_site=True)
    rebuild_vocabulary(site)
    typos = evaluate_typos(loaded, site, typo_cases())
    print(typos.line(f"Did you mean, {vendor}"))
    if "--misses" in sys.argv:
        for query, missing in ours.misses:
            print("  missed:", query, missing)
        for query, rank in ours.late:
            print("  first relevant at", rank, ":", query)
        for typed, suggestion in typos.failures:
            print("  not corrected:", typed, "→", suggestion or "(no suggestion)")
    sys.stdout.flush()


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=3) as connection:
        connection.execute(sql)


def _child(database_url: str) -> int:
    env = {**os.environ, "DATABASE_URL": database_url, "PRONGSAI_BENCH_CHILD": "1"}
    return subprocess.call([sys.executable, __file__, *sys.argv[1:]], env=env, cwd=ROOT)


def main() -> None:
    if os.environ.get("PRONGSAI_BENCH_CHILD"):
        measure()
        return
    status = _child("")
    if "--sqlite-only" in sys.argv:
        sys.exit(status)
    try:
        _admin(f"DROP DATABASE IF EXISTS {PG_DB}")
        _admin(f"CREATE DATABASE {PG_DB}")
    except Exception as error:  # noqa: BLE001 - no server: SQLite figures stand alone
        print(f"PostgreSQL skipped: {str(error).strip().splitlines()[0]}")
        sys.exit(status)
    try:
        status |= _child(f"{SERVER}/{PG_DB}")
    finally:
        _admin(f"DROP DATABASE IF EXISTS {PG_DB}")
    sys.exit(status)


if __name__ == "__main__":
    main()
