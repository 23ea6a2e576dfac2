"""Ranked search candidates on PostgreSQL from a bounded pool of matches (ADR 0066).

Wagtail's PostgreSQL backend ranks every matching row before it cuts the list, and it builds
full model instances for the results; common Thai words ("ประกาศ", "การ") match tens of thousands
of pages, so a search took seconds on 100,000 pages. Here one SQL statement:

1. takes a bounded pool of visible matches through the GIN indexes: at most ``POOL_SIZE`` rows
   matching in the title (Wagtail's index on ``title``) and at most ``POOL_SIZE`` matching in
   title or body (our index on ``title || body``, ADR 0065);
2. ranks only the pool with the same formula as Wagtail (``ts_rank`` with Wagtail's weights,
   title rank × ``title_norm`` + body rank; all words: product of (1 + rank) − 1; any word: the
   mean) and returns the best primary keys.

Both the all-words statement and the any-word one (run only when the first finds nothing) go to
the database in one round trip, through a function that holds the planner settings they need
(``RUNNER``, ADR 0320); the rows carry the titles of pages and documents for the ordering.

So the cost depends on the pool size, not on how common the words are. Title matches always
enter the pool, so the items that rank highest are never lost; among very common words the
body-only matches outside the pool are not ranked (they would rank below title matches anyway).
The index rows and their text are Wagtail's, written by our segmenting backend (ADR 0061).
"""

from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks

#: Most matching rows ranked per search and per kind of content.
POOL_SIZE = 500

Terms = list[tuple[str, tuple[str, ...]]]


def _lexeme(word: str) -> str:
    """A tsquery lexeme literal (the word is passed as a parameter, never spliced into SQL)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


class _Query:
    """Pieces of the statement for one list of query terms, with their parameters."""

    def __init__(self, terms: Terms, operator: str, config: str):
        self.terms = terms
        self.all_words = operator.lower() == "and"
        self.config = config

    def _tsquery(self, text: str) -> tuple[str, list]:
        return "to_tsquery(%s::regconfig, %s)", [self.config, text]

    def _alternatives(self, word: str, parts: tuple[str, ...]) -> list[str]:
        alternatives = [_lexeme(word)]
        if parts:
            alternatives.append("(" + " & ".join(map(_lexeme, parts)) + ")")
        return alternatives

    def match(self) -> tuple[str, list]:
        """The whole query as one tsquery: each word whole or as all its parts."""
        joiner = " & " if self.all_words else " | "
        text = joiner.join(
            "(" + " | ".join(self._alternatives(word, parts)) + ")" for word, parts in self.terms
        )
        return self._tsquery(text)

    def phrase(self, vector: str, text: str) -> tuple[str, list]:
        """1 when ``vector`` holds the words of the indexed ``text`` adjacent and in order."""
        return f"({vector} @@ phraseto_tsquery(%s::regconfig, %s))::int", [self.config, text]

    def rank(self, vector: str) -> tuple[str, list]:
        """``ts_rank`` of one vector column for the whole query, with Wagtail's weights."""
        match_sql, match_params = self.match()
        return f"ts_rank(%s::float4[], {vector}, {match_sql})", [get_sql_weights(), *match_params]


#: The database function that runs the ranking statements with the planner settings they need
#: (migration search 0005, ADR 0320): bitmap index scans only and no JIT compilation.
#:
#: PostgreSQL prices ``(title || body) @@ query`` as cheap, so for a common word with a LIMIT it
#: prefers reading rows in order and testing each one, which decompresses every body vector
#: (≈ 30 µs a row); the GIN bitmap finds the same rows in a few milliseconds. JIT compilation
#: (tens of milliseconds) never pays off for a statement this short. A function's ``SET``
#: clauses hold only while it runs, so the settings never outlive the search, and the whole
#: search (all words, then any word when nothing matched all of them) is one round trip.
RUNNER = "prongsai_search_ranked"


def run(statements: tuple[str, ...]) -> list[tuple]:
    """The rows of the all-words statement or, when it returns none, of the any-word one (the
    second of ``statements``, if any). Both are complete SQL texts whose values the driver has
    already quoted; each row says which one it came from (its first column, ``all_words``)."""
    all_words, any_word = (*statements, "")[:2]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {RUNNER}(%s, %s)", [all_words, any_word])  # noqa: S608
        return cursor.fetchall()


#: Body matches are pooled only when fewer than ``limit`` titles match, up to the pool size.
_POOL_LEFT = (
    "CASE WHEN (SELECT count(*) FROM title_pool) < %s "
    "THEN %s - (SELECT count(*) FROM title_pool) ELSE 0 END"
)


def _index_table() -> str:
    from modelsearch.conf import get_app_config

    return connection.ops.quote_name(get_app_config().get_model("IndexEntry")._meta.db_table)


class _Kind:
    """One kind of content in the statement: its CTE name, content types, the SQL of its visible
    objects' keys (compiled once for both statements) and where its titles are read, if asked."""

    def __init__(self, number: int, kind: str, visible, titled: bool):
        self.name = f"kind{number}"
        self.kind = kind
        self.content_types = get_descendants_content_types_pks(visible.model)
        query = visible.order_by().values_list("pk").query
        self.visible_sql, self.visible_params = query.sql_with_params()
        self.title_sql = "NULL::text"
        if titled:
            field = visible.model._meta.get_field("title")
            table = connection.ops.quote_name(field.model._meta.db_table)
            key = connection.ops.quote_name(field.model._meta.pk.column)
            column = connection.ops.quote_name(field.column)
            self.title_sql = (
                f"(SELECT t.{column}::text FROM {table} t "  # noqa: S608
                f"WHERE t.{key} = best.object_id::integer)"
            )


def _pools(kind: _Kind, query: _Query, limit: int) -> tuple[str, list]:
    """The CTEs ``<name>_title``, ``<name>_any`` and ``<name>_best`` for one kind of content.

    Visibility is checked row by row through the object's primary key (OFFSET 0 keeps the
    planner from hashing every visible page first). Only rows of the queryset's own content
    types (integer keys) are cast. Every value is a parameter; the SQL text is ours and Django's.
    """
    name, table = kind.name, _index_table()
    match_sql, match_params = query.match()
    title_rank, title_rank_params = query.rank("e.title")
    pool = (
        f"SELECT e.id, e.object_id, {title_rank} * e.title_norm AS title_score "  # noqa: S608
        f"FROM {table} e WHERE e.content_type_id = ANY(%s) AND VECTOR @@ {match_sql} "
        f"AND EXISTS (SELECT 1 FROM ({kind.visible_sql}) visible (pk) "
        f"WHERE visible.pk = e.object_id::integer OFFSET 0) LIMIT "
    )
    pool_params = [*title_rank_params, kind.content_types, *match_params, *kind.visible_params]
    title_pool = pool.replace("VECTOR", "e.title", 1) + "%s"
    # Body matches only when titles alone cannot fill the list (never for common words).
    any_pool = pool.replace("VECTOR", "(e.title || e.body)", 1) + _POOL_LEFT.replace(
        "title_pool", f"{name}_title"
    )
    sql = (
        f"{name}_title AS MATERIALIZED ({title_pool}), "  # noqa: S608
        f"{name}_any AS MATERIALIZED ({any_pool}), "
        f"{name}_best AS (SELECT * FROM {name}_title UNION SELECT * FROM {name}_any "
        f"ORDER BY title_score DESC, id DESC LIMIT %s)"
    )
    return sql, [*pool_params, POOL_SIZE, *pool_params, limit, POOL_SIZE, limit]


def available() -> bool:
    """Whether searches go to Wagtail's PostgreSQL database index (not OpenSearch, not SQLite)."""
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(get_search_backend(), PostgresSearchBackend)


#: How much more a body holding the query's words adjacent and in order weighs (ADR 0222).
BODY_PHRASE_BONUS = 0.5


def statement(kinds: list[_Kind], query: _Query, limit: int, phrase: str) -> tuple[str, list]:
    """The SQL of one search (all words or any word) over ``kinds``, with its parameters.
    Rows: (all words?, kind, primary key, relevance, title or NULL), best first."""
    body_rank, body_rank_params = query.rank("e.body")
    if len(phrase.split()) > 1:  # one word: the match itself says it all
        body_phrase, body_phrase_params = query.phrase("e.body", phrase)
        body_rank = f"({body_rank}) * (1 + {BODY_PHRASE_BONUS} * {body_phrase})"
        body_rank_params = [*body_rank_params, *body_phrase_params]
    table = _index_table()
    ctes, selects, params, select_params = [], [], [], []
    for kind in kinds:
        sql, cte_params = _pools(kind, query, limit)
        ctes.append(sql)
        params += cte_params
        # The title rank is cheap (short vectors); the body vector is decompressed only for
        # the best ``limit`` rows by title. Titles are read for the ordering of the selectors.
        selects.append(
            f"SELECT %s::boolean AS all_words, %s::text AS kind, "  # noqa: S608
            f"best.object_id::integer AS pk, (best.title_score + {body_rank})::float8 AS score, "
            f"{kind.title_sql} AS title "
            f"FROM {kind.name}_best best JOIN {table} e ON e.id = best.id"
        )
        select_params += [query.all_words, kind.kind, *body_rank_params]
    sql = f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)} ORDER BY score DESC, pk DESC"
    return sql, [*params, *select_params]


def statements(
    sources: dict,
    terms: Terms,
    limit: int,
    phrase: str = "",
    *,
    any_word: bool = False,
    titled: frozenset[str] = frozenset(),
) -> list[tuple[str, list]]:
    """The statements of a search: all words, then (``any_word``) any word. ``sources`` maps a
    kind ("page", "document") to the queryset of its visible objects (published, public,
    category …); only those are ranked. Titles are read for the kinds in ``titled``."""
    config = get_search_backend().config or "simple"
    kinds = [
        _Kind(number, kind, visible, kind in titled)
        for number, (kind, visible) in enumerate(sources.items())
    ]
    operators = ("and", "or") if any_word else ("and",)
    return [statement(kinds, _Query(terms, op, config), limit, phrase) for op in operators]


Row = tuple[bool, str, int, float, str | None]


def ranked(
    sources: dict,
    terms: Terms,
    limit: int,
    phrase: str = "",
    *,
    any_word: bool = False,
    titled: frozenset[str] = frozenset(),
) -> list[Row]:
    """(all words?, kind, primary key, relevance, title) of the best ``limit`` objects of each
    kind matching all ``terms`` — or, if none does and ``any_word``, any of them — best first,
    in one round trip. ``phrase`` (the query as indexed) raises the bodies that hold it as a
    phrase. Titles (None for kinds not in ``titled``) spare the ordering a query."""
    if not terms or not sources:
        return []
    found = statements(sources, terms, limit, phrase, any_word=any_word, titled=titled)
    texts = tuple(connection.ops.compose_sql(sql, params) for sql, params in found)
    return [
        (all_words, kind, pk, float(score), title)
        for all_words, kind, pk, score, title in run(texts)
    ]
