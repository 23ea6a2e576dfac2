"""A GIN index on Wagtail's search table for the expression PostgreSQL search filters on.

Wagtail's PostgreSQL backend filters with ``(title || body) @@ query``; the table only has GIN
indexes on ``title`` and ``body`` separately, so every search scans every row (ADR 0065). This
expression index makes the filter an index lookup. SQLite (FTS5) needs nothing.
"""

from django.db import migrations

INDEX = "prongsai_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
