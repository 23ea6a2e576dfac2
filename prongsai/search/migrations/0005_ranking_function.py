"""The database function that runs a site search's ranking statements (ADR 0320).

``prongsai.search.ranking`` builds the statements; this function runs them with the planner
settings they need (GIN bitmap scans only, no JIT) held only while it runs, and runs the
any-word statement only when the all-words one found nothing — one round trip per search
instead of BEGIN, SET, the statement, ROLLBACK and a second statement. It runs with the
caller's rights (SECURITY INVOKER, the default): it can do nothing the caller's own query could
not. SQLite (FTS5) needs nothing.
"""

from django.db import migrations

FUNCTION = "prongsai_search_ranked"

CREATE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(all_words_statement text, any_word_statement text)
RETURNS TABLE (all_words boolean, kind text, pk integer, score double precision, title text)
LANGUAGE plpgsql
SET enable_seqscan = off
SET enable_indexscan = off
SET jit = off
AS $function$
BEGIN
    RETURN QUERY EXECUTE all_words_statement;
    IF NOT FOUND AND any_word_statement <> '' THEN
        RETURN QUERY EXECUTE any_word_statement;
    END IF;
END
$function$
"""


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(text, text)")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_index_digest")]

    operations = [migrations.RunPython(create_function, drop_function)]
