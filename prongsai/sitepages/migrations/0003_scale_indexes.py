"""Indexes the public pages need at 50,000 items (docs/adr/0210-indexes-and-bounded-lists.md).

Routing looks pages up by ``url_path`` (prongsai/core/pagequeries.py), which Wagtail's page
table does not index; the news listings read the newest items first. The page-table index is
raw SQL because the table is Wagtail's: ``IF NOT EXISTS`` keeps it safe to re-run, and the
same statements work on PostgreSQL and SQLite.
"""

from django.db import migrations, models

URL_PATH_INDEX = "prongsai_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0002_policy_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(fields=["-published_date", "-page_ptr"], name="news_published_idx"),
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {URL_PATH_INDEX} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {URL_PATH_INDEX}",
        ),
    ]
