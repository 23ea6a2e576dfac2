"""Benchmark: check a site of 10,000 pages against a catalogue (target: under 2 seconds, R34).

Builds a throw-away database (test settings, SQLite in memory unless DATABASE_URL is set),
generates 10,000 live pages across the page types the catalogues read (news of three fiscal
years, laws, knowledge, agency information, OIA items) plus 2,000 documents, then times
`catalogue_completeness` for each shipped catalogue.

    .venv/bin/python bench/completeness.py [--pages 10000]
"""

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
TARGET_SECONDS = 2.0


def setup_database():
    import django
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    from django.db import connection

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    return connection, old_name


def quiet_page_signals():
    """Generation only: skip search indexing and the reference index, which a real site builds
    once per edit; the check itself reads neither."""
    from django.db.models.signals import post_delete, post_save
    from wagtail import signal_handlers as wagtail_handlers
    from wagtail.search import signal_handlers as search_handlers
    from wagtail.search.index import get_indexed_models

    for model in get_indexed_models():
        post_save.disconnect(search_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(search_handlers.post_delete_signal_handler, sender=model)
    from django.apps import apps

    for model in apps.get_models():
        post_save.disconnect(wagtail_handlers.update_reference_index_on_save, sender=model)


def build_site(pages: int):
    from django.utils import timezone

    quiet_page_signals()

    from prongsai.accounts.models import Unit
    from prongsai.sitepages import models as m
    from prongsai.sitepages.oia_items import OIA_ITEMS
    from prongsai.sitepages.tests.factories import build_site as build_home
    from prongsai.sitepages.tests.factories import oia_details

    home = build_home()
    unit = Unit.objects.create(code="bench", name="กลุ่มงานทดสอบสมรรถนะ")
    today = timezone.localdate()
    now = timezone.now()
    summary = None

    def add(parent, page):
        page.live = True
        page.first_published_at = page.last_published_at = now
        parent.add_child(instance=page)

    def meta(index):
        start = today - dt.timedelta(days=index % 1000)  # about three fiscal years
        return {
            "owner_unit": unit,
            "source": unit.name,
            "info_period_start": start,
            "published_date": start,
        }

    sections = {
        "news": add_and_return(home, m.NewsIndexPage(title="ข่าว", slug="news"), add),
        "laws": add_and_return(home, m.LawIndexPage(title="กฎหมาย", slug="laws"), add),
        "knowledge": add_and_return(
            home, m.KnowledgeIndexPage(title="ความรู้", slug="knowledge"), add
        ),
        "about": add_and_return(home, m.AgencyIndexPage(title="เกี่ยวกับ", slug="about"), add),
        "oia": add_and_return(home, m.OIAIndexPage(title="ข้อมูลข่าวสาร", slug="oia"), add),
    }
    kinds = ["general", "photo", "procurement-notice", "procurement-result", "job", "training"]
    topics = ["history", "vision", "structure", "authority", "strategy", "budget", "performance"]
    created = 5
    index = 0
    started = time.perf_counter()
    while created < pages:
        index += 1
        slot = index % 10
        if slot < 6:
            add(
                sections["news"],
                m.NewsPage(
                    title=f"ข่าวประชาสัมพันธ์ที่ {index} มีส่วนร่วม" if index % 97 == 0 else f"ข่าวที่ {index}",
                    slug=f"n{index}",
                    news_kind=kinds[index % len(kinds)],
                    **meta(index),
                ),
            )
        elif slot == 6:
            add(
                sections["laws"],
                m.LawPage(
                    title=f"ระเบียบที่ {index}", slug=f"l{index}", law_kind="regulation", **meta(index)
                ),
            )
        elif slot == 7:
            add(
                sections["knowledge"],
                m.KnowledgePage(
                    title=f"บทความที่ {index}",
                    slug=f"k{index}",
                    knowledge_kind="article",
                    reference="อ้างอิง",
                    reference_date=today,
                    **meta(index),
                ),
            )
        elif slot == 8:
            add(
                sections["about"],
                m.AgencyInfoPage(
                    title=f"ข้อมูลหน่วยงาน {index}",
                    slug=f"a{index}",
                    topic=topics[index % 7],
                    **meta(index),
                ),
            )
        else:
            item = OIA_ITEMS[index % len(OIA_ITEMS)]
            if item.code == "9(8)" and summary is None:
                # สขร.1 needs its document; the bench's other documents come later in bulk.
                summary = m.AgencyDocument.objects.create(title="สขร.1", **meta(0))
            add(
                sections["oia"],
                m.OIAItemPage(
                    title=item.title_th,
                    slug=f"o{index}",
                    oia_item=item.code,
                    details=oia_details(item.code, summary),
                    **meta(index),
                ),
            )
        created += 1
        if created % 2000 == 0:
            print(f"  {created} pages ({time.perf_counter() - started:.0f} s)", flush=True)
    m.AgencyDocument.objects.bulk_create(
        [
            m.AgencyDocument(
                title=f"รายงานผลการจัดซื้อจัดจ้าง {n}" if n % 50 == 0 else f"เอกสาร {n}",
                file=f"documents/bench-{n}.pdf",
                **meta(n),
            )
            for n in range(2000)
        ]
    )


def add_and_return(parent, page, add):
    add(parent, page)
    return page


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true", help="print the hottest functions")
    args = parser.parse_args()
    connection, old_name = setup_database()
    try:
        print(f"Generating {args.pages} pages …", flush=True)
        build_site(args.pages)
        from django.db import reset_queries
        from django.test.utils import CaptureQueriesContext
        from wagtail.models import Page, Site

        from prongsai.compliance.models import Catalogue
        from prongsai.compliance.selectors import catalogue_completeness

        site = Site.objects.get(is_default_site=True)
        print(
            f"Live pages: {Page.objects.filter(live=True).count()}; database: {connection.vendor}"
        )
        from prongsai.compliance.evidence import SiteContent

        started = time.perf_counter()
        catalogue_completeness(Catalogue.objects.get(slug="oia-2540"), site)
        print(
            f"first check in a fresh process (imports, URL resolver): {time.perf_counter() - started:.3f} s"
        )
        started = time.perf_counter()
        SiteContent(site)
        print(f"loading the site's content alone: {time.perf_counter() - started:.3f} s")
        worst = 0.0
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            catalogue_completeness(Catalogue.objects.get(slug="gws-2-0"), site)  # warm
            profiler.runcall(
                catalogue_completeness, Catalogue.objects.get(slug="ita-oit-2568"), site
            )
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("tottime").print_stats(12)
            stats.sort_stats("cumulative").print_stats("compliance", 12)
        for catalogue in Catalogue.objects.order_by("slug"):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                started, cpu_started = time.perf_counter(), time.process_time()
                report = catalogue_completeness(catalogue, site)
                elapsed = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
            worst = max(worst, elapsed)
            print(
                f"{catalogue.slug:<14} {len(report.results):>3} items  {elapsed:6.3f} s (cpu {cpu:.3f} s)  "
                f"{len(queries):>3} queries  ratio to target {elapsed / TARGET_SECONDS:.2f}  "
                f"(met {report.tally.met}, outdated {report.tally.outdated}, missing {report.tally.missing})"
            )
        print(
            f"Slowest check: {worst:.3f} s = {worst / TARGET_SECONDS:.2f} × the {TARGET_SECONDS:.0f} s target"
        )
        return 0 if worst < TARGET_SECONDS else 1
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
