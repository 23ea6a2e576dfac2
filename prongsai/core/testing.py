"""Test support: a database state built once per test process and given back to each test that
needs it, instead of being built again (docs/adr/0315-ci-time-one-demo-load-per-process.md,
docs/adr/0330-ci-time-demo-copied-on-postgresql.md).

Loading the demo agency (PDFs rendered by WeasyPrint, their text extracted in child processes,
every page published and indexed, the did-you-mean vocabulary built) takes about half a minute
of CPU; nine unit tests and 21 browser tests start from it. The first test in a process
that asks for it really loads it (``load_demo`` exactly as ``make demo`` runs it); the database is
then copied, and later tests get the same rows, ids and search index back in a fraction of a
second. Files the load wrote stay in MEDIA_ROOT.

* Browser tests (transactional, a SQLite file database): ``restore_or_build`` replaces the whole
  database with a copy made by SQLite's online backup.
* Unit tests run inside a transaction that is rolled back, where a database cannot be replaced.
  ``attach_copy`` builds the state before the test's transaction opens, keeps a copy of every
  table and puts the database back as it was; the test's own transaction swaps every table's
  rows for the copy's (``fill_from_copy``); the rollback at the end leaves the database as it
  was. On SQLite the copy is an in-memory database attached to the connection; on PostgreSQL
  it is a schema of copied tables (``prongsai_copy``) in the worker's test database, and the
  fill also moves each table's sequence past the copied ids.
"""

import os
import sqlite3
from collections.abc import Callable

from django.db import connection, transaction

_snapshots: dict[str, object] = {}
_ATTACHED_AS = "prongsai_copy"
_BEFORE = "prongsai_before"
# PostgreSQL: the tables that have rows in each kept schema.
_pg_filled: dict[str, list[str]] = {}


def can_copy() -> bool:
    return connection.vendor in ("sqlite", "postgresql")


def copy_database(target: sqlite3.Connection | None = None) -> sqlite3.Connection:
    """The whole current SQLite database copied into ``target`` (a new in-memory database by
    default). Outside any transaction."""
    connection.ensure_connection()
    target = target or sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(target)
    return target


def forget_cached_rows() -> None:
    """What this process remembers of rows that were just replaced: content type ids and the
    cache (Wagtail's site roots, the per-site tokens)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache

    ContentType.objects.clear_cache()
    cache.clear()


def put_back(copy: sqlite3.Connection) -> None:
    """Replace the whole SQLite database with ``copy`` (outside any transaction)."""
    connection.ensure_connection()
    copy.backup(connection.connection)
    forget_cached_rows()


def restore_or_build(name: str, build: Callable[[], None]) -> None:
    """Give the database the state ``build`` makes: built the first time in this process and
    kept, copied back after that. Outside any transaction: the whole database is replaced.
    SQLite only (the browser tests); elsewhere ``build`` runs every time."""
    if connection.vendor != "sqlite":
        build()
        return
    if name in _snapshots:
        put_back(_snapshots[name])
        return
    build()
    _snapshots[name] = copy_database()


def attach_copy(name: str, build: Callable[[], None]) -> None:
    """Build the state once (outside any transaction), keep a copy of it (``prongsai_copy``:
    an attached database on SQLite, a schema on PostgreSQL), and put the database back as it
    was."""
    if name in _snapshots:
        return
    if connection.vendor == "postgresql":
        _snapshots[name] = _pg_keep_copy(build)
        return
    before = copy_database()
    build()
    # A named in-memory database, so the connection can attach it; ``keeper`` keeps it alive.
    uri = f"file:prongsai-{name}-{os.getpid()}?mode=memory&cache=shared"
    keeper = sqlite3.connect(uri, uri=True, check_same_thread=False)
    copy_database(keeper)
    put_back(before)
    with connection.cursor() as cursor:
        cursor.execute(f"ATTACH DATABASE %s AS {_ATTACHED_AS}", [uri])
    _snapshots[name] = keeper


def fill_from_copy() -> None:
    """Inside the test's transaction: every table's rows replaced by the copy's. Foreign keys
    are checked when the test ends (Django's constraints are deferred on both databases)."""
    if connection.vendor == "postgresql":
        _pg_fill(_ATTACHED_AS)
    else:
        _sqlite_fill()
    forget_cached_rows()


# SQLite: the copy is attached to the connection.


def _copied_tables(cursor) -> list[tuple[str, list[str]]]:
    """Tables in both the database and the copy, with their columns. Full-text tables are left
    out: their rows follow the index entries through the search backend's triggers."""

    def tables(schema):
        cursor.execute(f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table'")  # noqa: S608 (our own schema name)
        return dict(cursor.fetchall())

    main, copy = tables("main"), tables(_ATTACHED_AS)
    virtual = [name for name, sql in main.items() if sql.upper().startswith("CREATE VIRTUAL")]
    result = []
    for name in sorted(main.keys() & copy.keys()):
        if name.startswith("sqlite_") or any(name.startswith(v) for v in virtual):
            continue
        cursor.execute(f'PRAGMA main.table_info("{name}")')
        result.append((name, [row[1] for row in cursor.fetchall()]))
    return result


def _sqlite_fill() -> None:
    with connection.cursor() as cursor:
        tables = _copied_tables(cursor)
        for name, _columns in tables:
            cursor.execute(f'DELETE FROM main."{name}"')  # noqa: S608 (a table of our schema)
        for name, columns in tables:
            listed = ", ".join(f'"{column}"' for column in columns)
            cursor.execute(
                f'INSERT INTO main."{name}" ({listed}) SELECT {listed} FROM {_ATTACHED_AS}."{name}"'  # noqa: S608
            )


# PostgreSQL: the copy is a schema of tables in the same (per-worker) test database.


def _pg_tables(cursor, schema: str) -> dict[str, list[str]]:
    """The ordinary tables of ``schema`` with their columns, generated columns left out (they
    cannot be inserted into; PostgreSQL computes them again). The migrations table is left as
    it is: the same rows before and after any build."""
    cursor.execute(
        """
        SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = %s AND c.relkind IN ('r', 'p') AND a.attgenerated = ''
            AND c.relname <> 'django_migrations'
        GROUP BY c.relname
        """,
        [schema],
    )
    return dict(cursor.fetchall())


def _pg_copy_schema(cursor, schema: str) -> list[str]:
    """Every table of ``public`` copied, rows only, into a new ``schema``; the names of the
    tables that have rows."""
    cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")
    filled = []
    for name in _pg_tables(cursor, "public"):
        cursor.execute(f'CREATE TABLE {schema}."{name}" AS TABLE public."{name}"')  # noqa: S608
        if cursor.rowcount:
            filled.append(name)
    return filled


def _pg_keep_copy(build: Callable[[], None]) -> list[str]:
    """Outside any transaction: the database as it is kept in ``prongsai_before``, ``build``
    run and its result kept in ``prongsai_copy``, then the database put back. The names of
    the copy's tables that have rows."""
    with connection.cursor() as cursor:
        before = _pg_copy_schema(cursor, _BEFORE)
    build()
    with connection.cursor() as cursor:
        filled = _pg_copy_schema(cursor, _ATTACHED_AS)
    _pg_filled[_BEFORE], _pg_filled[_ATTACHED_AS] = before, filled
    with transaction.atomic():
        _pg_fill(_BEFORE)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA {_BEFORE} CASCADE")
    forget_cached_rows()
    return filled


def _pg_fill(schema: str) -> None:
    """Inside a transaction: every table of ``public`` emptied and given the rows of its copy
    in ``schema``, then every sequence moved past both the copied ids and any id it already
    gave out (a sequence is not rolled back, and must not hand out an id again). Only tables
    that have rows are emptied, with DELETE: TRUNCATE of every table took seconds, and as long
    again to roll back."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # the copied rows are checked at the end
        tables = _pg_tables(cursor, "public")
        for name in _pg_with_rows(cursor, tables):
            cursor.execute(f'DELETE FROM public."{name}"')  # noqa: S608 (a table of our schema)
        for name in _pg_filled[schema]:
            listed = ", ".join(f'"{column}"' for column in tables[name])
            cursor.execute(
                f'INSERT INTO public."{name}" ({listed}) SELECT {listed} FROM {schema}."{name}"'  # noqa: S608
            )
        _pg_move_sequences(cursor, set(_pg_filled[schema]))


def _pg_with_rows(cursor, tables) -> list[str]:
    """Which of ``tables`` (in ``public``) have rows, in one query."""
    probes = [
        f"SELECT '{name}' WHERE EXISTS (SELECT FROM public.\"{name}\")"  # noqa: S608
        for name in tables
    ]
    cursor.execute(" UNION ALL ".join(probes))
    return [name for (name,) in cursor.fetchall()]


def _pg_move_sequences(cursor, filled: set[str]) -> None:
    """Each sequence owned by a column of a filled table set to the larger of the column's
    highest value and the sequence's next one."""
    cursor.execute(
        """
        SELECT t.relname, a.attname, s.oid::regclass::text
        FROM pg_class s
        JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        JOIN pg_class t ON t.oid = d.refobjid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
        WHERE s.relkind = 'S'
        """
    )
    highest = 'SELECT max("{}") FROM public."{}"'  # noqa: S608 (our own tables)
    moves = [
        f"setval('{sequence}', GREATEST(({highest.format(column, table)}), nextval('{sequence}')))"
        for table, column, sequence in cursor.fetchall()
        if table in filled
    ]
    if moves:
        cursor.execute("SELECT " + ", ".join(moves))
