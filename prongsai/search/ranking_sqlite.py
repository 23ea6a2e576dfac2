"""Ranked search candidates on SQLite in one statement per operator (ADR 0340).

Wagtail's SQLite backend (django-modelsearch) runs one statement per kind of content, and in
each it evaluates the FTS5 ``MATCH`` once to find the matching objects and once more *per
matching object* to read its ``bm25()`` score (a correlated subquery): a word in 40 documents
runs 41 full-text queries. Building those three ORM statements also cost more CPU than running
them. A first-time search on the demo spent ~60 % of its time there (issue 20).

Here the ``MATCH`` runs once, for every kind together, and each kind keeps its best
``limit`` visible matches — the same rows, scores and order as the backend gave:

* the ``MATCH`` text is the backend's own (``match_text``: the segmented query compiled by
  modelsearch's SQLite compiler, so quoting and folding cannot drift);
* the score is the same weighted ``bm25()`` (``backend.SQLITE_TITLE_WEIGHT``);
* visibility is the same querysets (``selectors.visible_pages`` …), compiled by Django into
  subqueries of the statement;
* each kind is ordered as the backend orders it (score, then primary key descending), and the
  kinds follow one another in the order of ``sources``, as the per-kind lists were joined;
* the phrase bonus (ADR 0222) is read in the same statement: whether the index body holds the
  query's words adjacent, spaces ignored, in its first ``FOLDED_MATCH_LIMIT`` characters;
* titles of pages and documents come with the rows (as on PostgreSQL, ADR 0320).
"""

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable

from django.db import connection
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .backend import SQLITE_TITLE_WEIGHT

#: Characters of an index body searched for the query as a phrase (as ``selectors`` does).
FOLDED_MATCH_LIMIT = 100_000

Row = tuple[bool, str, int, float, bool, str | None]


def available() -> bool:
    """Whether searches go to Wagtail's SQLite FTS5 index."""
    if connection.vendor != "sqlite":
        return False  # the backend's module looks its SQLite-only model up when imported
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(get_search_backend(), SQLiteSearchBackend)


def match_text(query: str, operator: str, searched) -> str | None:
    """The FTS5 ``MATCH`` text the backend would send when ``searched`` (a queryset of an
    indexed model) is searched for ``query`` (None: nothing to match)."""
    # Importable only where the SQLite index exists (its module looks its model up).
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize

    backend = get_search_backend()
    fts = get_app_config().get_model("SQLiteFTSIndexEntry")
    compiler = backend.query_compiler_class(searched, PlainText(query, operator=operator))
    built = compiler.build_search_query(normalize(compiler.query))
    if built is None:
        return None
    expression = MatchExpression(compiler.FTS_TABLE_FIELDS, built)
    sql_compiler = fts.objects.none().query.get_compiler(connection=connection)
    _sql, params = expression.as_sql(sql_compiler, connection)
    return params[0]


#: Stands for "now" in visibility rules compiled once and kept: replaced by the present time in
#: every statement. A date no publication window can hold.
NOW_MARK = dt.datetime(1901, 1, 1, 0, 0, 0, 123457, tzinfo=dt.UTC)


@dataclasses.dataclass(frozen=True)
class Visible:
    """The compiled SQL of a queryset's primary keys, its parameters and, when it was compiled
    at ``NOW_MARK``, which of them are the present time."""

    model: type
    sql: str
    params: tuple
    now_at: tuple[int, ...] = ()

    @classmethod
    def of(cls, queryset, marked: bool = False) -> "Visible":
        sql, params = queryset.order_by().values_list("pk").query.sql_with_params()
        now_at = ()
        if marked:
            mark = connection.ops.adapt_datetimefield_value(NOW_MARK)
            now_at = tuple(number for number, value in enumerate(params) if value == mark)
        return cls(queryset.model, sql, tuple(params), now_at)

    def params_now(self) -> list:
        params = list(self.params)
        if self.now_at:
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            for number in self.now_at:
                params[number] = now
        return params


class _KeptVisibility:
    def __init__(self):
        self.lock = threading.Lock()
        self.stamp = None
        self.compiled: dict = {}


_kept = _KeptVisibility()
#: Filter combinations kept per stamp (site × category × file type: a few dozen in practice).
KEPT_COMBINATIONS = 256


def kept_visibility(key: tuple, build: Callable) -> dict:
    """kind → ``Visible`` of what ``build(now)`` (kind → queryset) gives, compiled at
    ``NOW_MARK`` once per ``key`` and kept while ``key[0]`` (the stamp: the site's generation
    tokens and the search index's token, which every change of what the public may find
    replaces) stays the same. Building the querysets (Wagtail's ``public()`` reads the view
    restrictions, the private collections are read) and compiling them cost more than the
    search itself. Each rule must hold the present time as a parameter: one that does not is
    compiled again for every search."""
    stamp = key[0]
    with _kept.lock:
        if _kept.stamp != stamp:
            _kept.stamp, _kept.compiled = stamp, {}
        found = _kept.compiled.get(key)
    if found is not None:
        return dict(found)
    compiled = {
        kind: Visible.of(queryset, marked=True) for kind, queryset in build(NOW_MARK).items()
    }
    if all(visible.now_at for visible in compiled.values()):
        with _kept.lock:
            if _kept.stamp == stamp:
                if len(_kept.compiled) >= KEPT_COMBINATIONS:
                    _kept.compiled = {}
                _kept.compiled[key] = compiled
        return dict(compiled)
    return build(timezone.now())


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _title_sql(model) -> str:
    table, key = _quoted(model._meta.db_table), _quoted(model._meta.pk.column)
    column = _quoted(model._meta.get_field("title").column)
    return f"(SELECT t.{column} FROM {table} t WHERE t.{key} = best.pk)"  # noqa: S608


def statement(
    sources: dict, match: str, limit: int, phrase: str, titled: frozenset[str]
) -> tuple[str, list]:
    """The SQL of one search over ``sources`` (kind → queryset of visible objects, or its
    ``Visible``) with its parameters. Rows: (kind number, primary key, bm25 score, phrase held?, title or NULL)."""
    entries = get_app_config().get_model("IndexEntry")
    fts = get_app_config().get_model("SQLiteFTSIndexEntry")
    entry_table, fts_table = _quoted(entries._meta.db_table), fts._meta.db_table
    matches = (
        f"matches AS MATERIALIZED (SELECT e.id AS entry, e.content_type_id AS ct, "  # noqa: S608
        f"CAST(e.object_id AS INTEGER) AS pk, "
        f"bm25({fts_table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT}) AS score "
        f"FROM {fts_table} JOIN {entry_table} e ON {fts_table}.rowid = e.id "
        f"WHERE {fts_table} MATCH %s)"
    )
    ctes, params, selects = [matches], [match], []
    for number, (kind, source) in enumerate(sources.items()):
        visible = source if isinstance(source, Visible) else Visible.of(source)
        content_types = ", ".join(
            str(int(pk)) for pk in get_descendants_content_types_pks(visible.model)
        )
        visible_sql, visible_params = visible.sql, visible.params_now()
        ctes.append(
            f"kind{number} AS (SELECT {number} AS k, entry, pk, score FROM matches "  # noqa: S608
            f"WHERE ct IN ({content_types or 'NULL'}) AND pk IN ({visible_sql}) "
            f"ORDER BY score, pk DESC LIMIT %s)"
        )
        params += [*visible_params, limit]
        title = _title_sql(visible.model) if kind in titled else "NULL"
        selects.append(f"SELECT best.*, {title} AS title FROM kind{number} best")  # noqa: S608
    holds_phrase = "0"
    phrase_params = []
    if len(phrase.split()) > 1:  # one word: the match itself says it all
        holds_phrase = (
            f"instr(replace(substr((SELECT e.body FROM {entry_table} e WHERE e.id = r.entry), "  # noqa: S608
            f"1, {FOLDED_MATCH_LIMIT}), ' ', ''), %s) > 0"
        )
        phrase_params = [phrase.replace(" ", "")]
    sql = (
        f"WITH {', '.join(ctes)} SELECT r.k, r.pk, r.score, {holds_phrase}, r.title "  # noqa: S608
        f"FROM ({' UNION ALL '.join(selects)}) r ORDER BY r.k, r.score, r.pk DESC"
    )
    return sql, [*params, *phrase_params]


def ranked(
    sources: dict,
    query: str,
    limit: int,
    phrase: str = "",
    *,
    any_word: bool = False,
    titled: frozenset[str] = frozenset(),
) -> list[Row]:
    """(all words?, kind, primary key, bm25 score, phrase held?, title) of the best ``limit``
    visible objects of each kind matching all the query's words — or, if none does and
    ``any_word``, any of them — kind by kind in the order of ``sources``, each best first."""
    if not sources:
        return []
    # Compiled once for both passes.
    sources = {
        kind: source if isinstance(source, Visible) else Visible.of(source)
        for kind, source in sources.items()
    }
    kinds = list(sources)
    searched = next(iter(sources.values())).model._default_manager.none()
    for operator in ("and", "or") if any_word else ("and",):
        match = match_text(query, operator, searched)
        if match is None:
            return []
        sql, params = statement(sources, match, limit, phrase, titled)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if rows:
            return [
                (operator == "and", kinds[k], pk, score, bool(held), title)
                for k, pk, score, held, title in rows
            ]
    return []
