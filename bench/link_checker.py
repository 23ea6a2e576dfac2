"""Benchmark: the daily check's link checker over a generated site of 5,000 pages (R32).

Builds a throw-away database (test settings, SQLite in memory unless DATABASE_URL is set), then
5,000 live news pages, each linking to another page (page reference), to a site path, to one of
the 200 external URLs served by 20 loopback HTTP servers (one "host" each, so politeness applies
per host), with every 50th page carrying a broken internal link and every 500th a link to a
loopback host that accepts connections and never answers. Times `run_link_check()` with the
production defaults for politeness (1 s between requests to a host, 8 hosts at a time) and a
2-second timeout.

    .venv/bin/python bench/link_checker.py [--pages 5000] [--host-delay 1.0]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

EXTERNAL_HOSTS = 20
EXTERNAL_URLS = 200


def setup_database():
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    from django.db import connection

    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def quiet_page_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail import signal_handlers as wagtail_handlers
    from wagtail.search import signal_handlers as search_handlers
    from wagtail.search.index import get_indexed_models

    for model in get_indexed_models():
        post_save.disconnect(search_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(search_handlers.post_delete_signal_handler, sender=model)
    for model in apps.get_models():
        post_save.disconnect(wagtail_handlers.update_reference_index_on_save, sender=model)


def build_site(pages: int, external_bases: list[str], silent_base: str) -> None:
    from django.utils import timezone

    from prongsai.accounts.models import Unit
    from prongsai.sitepages import models as m
    from prongsai.sitepages.tests.factories import build_site as build_home

    quiet_page_signals()
    home = build_home()
    unit = Unit.objects.create(code="bench", name="กลุ่มงานทดสอบสมรรถนะ")
    now = timezone.now()
    news = m.NewsIndexPage(title="ข่าว", slug="news", live=True)
    home.add_child(instance=news)
    previous_id = news.pk
    for index in range(1, pages + 1):
        external = external_bases[index % EXTERNAL_HOSTS] + f"/doc-{index % EXTERNAL_URLS}"
        html = (
            f'<p><a linktype="page" id="{previous_id}">ก่อนหน้า</a> '
            f'<a href="/news/n{max(1, index - 1)}/">ข่าวก่อนหน้า</a> '
            f'<a href="{external}">ลิงก์ภายนอก</a>'
        )
        if index % 50 == 0:
            html += f' <a href="/news/removed-{index}/">ลิงก์เสีย</a>'
        if index % 500 == 0:
            html += f' <a href="{silent_base}/never-{index}">ไม่ตอบ</a>'
        page = m.NewsPage(
            title=f"ข่าวที่ {index}",
            slug=f"n{index}",
            body=[{"type": "paragraph", "value": html + "</p>"}],
            owner_unit=unit,
            source=unit.name,
            info_period_start=now.date(),
            published_date=now.date(),
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        news.add_child(instance=page)
        previous_id = page.pk


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--host-delay", type=float, default=1.0)
    args = parser.parse_args()
    setup_database()

    import contextlib

    from prongsai.monitoring import linkcheck
    from prongsai.monitoring.tests.httpservers import answering_server, silent_server

    with contextlib.ExitStack() as stack:
        bases = [stack.enter_context(answering_server())[1] for _ in range(EXTERNAL_HOSTS)]
        silent = stack.enter_context(silent_server())
        started = time.perf_counter()
        build_site(args.pages, bases, silent)
        print(f"generated {args.pages} pages in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        internal = linkcheck.run_link_check(external=False)
        internal_seconds = time.perf_counter() - started
        print(f"internal links only: {internal} in {internal_seconds:.2f} s")

        started = time.perf_counter()
        full = linkcheck.run_link_check(
            external=True, timeout=2, concurrency=8, host_delay=args.host_delay
        )
        full_seconds = time.perf_counter() - started
        print(f"full check (external politely): {full} in {full_seconds:.2f} s")

    expected_broken = args.pages // 50 + args.pages // 500
    assert full["failures"] == expected_broken, (full, expected_broken)
    print(f"RESULT pages={args.pages} internal={internal_seconds:.2f}s full={full_seconds:.2f}s")


if __name__ == "__main__":
    main()
