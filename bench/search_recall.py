"""Recall@10 and MRR of Prongsai's Thai search vs Wagtail's default database search.

Same corpus (prongsai/search/corpus), same database, same run: the corpus is loaded into a
fresh in-memory SQLite database (or DATABASE_URL's database if set — it must be a scratch one),
indexed with Prongsai's Thai backend and measured, then re-indexed with Wagtail's stock database
backend and measured again. Usage: .venv/bin/python bench/search_recall.py [--misses]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from prongsai.accounts.tests.factories import UnitFactory
    from prongsai.search import corpus
    from prongsai.sitepages.tests.factories import build_site

    call_command("migrate", verbosity=0, interactive=False)
    home = build_site()
    unit = UnitFactory(code="bench-unit", name="กองคลัง")
    started = time.perf_counter()
    loaded = corpus.load(home, unit)
    print(
        f"corpus: {len(loaded)} items loaded and indexed in {time.perf_counter() - started:.1f} s"
    )
    ours, theirs, throughput = corpus.compare(loaded)
    print(ours.line("Prongsai (Thai segmentation)"))
    print(theirs.line("Wagtail default database search"))
    print(
        f"re-index of the corpus: {throughput['items']} objects, "
        f"{throughput['items_per_second']:.0f} items/s"
    )
    if "--misses" in sys.argv:
        for query, missing in ours.misses:
            print("  Prongsai missed:", query, missing)


if __name__ == "__main__":
    main()
