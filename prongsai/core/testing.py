"""Test support: a database state built once per test process and given back to each test that
needs it, instead of being built again (docs/adr/0315-ci-time-one-demo-load-per-process.md).

Loading the demo agency (PDFs rendered by WeasyPrint, their text extracted in child processes,
every page published and indexed, the did-you-mean vocabulary built) takes about half a minute
of CPU; seven unit tests and 21 browser tests start from it. The first test in a process
that asks for it really loads it (``load_demo`` exactly as ``make demo`` runs it); the database is
then copied with SQLite's online backup, and later tests get the same rows, ids, search index and
sequences back in a fraction of a second. Files the load wrote stay in MEDIA_ROOT.

* Browser tests (transactional, a file database): ``restore_or_build`` replaces the whole
  database with the copy.
* Unit tests run inside a transaction that is rolled back, where a database cannot be replaced:
  the copy is attached to the connection before the test (``attach_copy``), and the test's own
  transaction swaps every table's rows for the copy's (``fill_from_copy``); the rollback at the
  end leaves the database as it was.

Only SQLite can be copied this way; on another database (the PostgreSQL run) the state is built
in each test that needs it, as before.
"""

import os
import sqlite3
from collections.abc import Callable

from django.db import connection

_snapshots: dict[str, sqlite3.Connection] = {}
_ATTACHED_AS = "prongsai_copy"


def can_copy() -> bool:
    return connection.vendor == "sqlite"


def copy_database(target: sqlite3.Connection | None = None) -> sqlite3.Connection:
    """The whole current database copied into ``target`` (a new in-memory database by default).
    Outside any transaction."""
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
    """Replace the whole database with ``copy`` (outside any transaction)."""
    connection.ensure_connection()
    copy.backup(connection.connection)
    forget_cached_rows()


def restore_or_build(name: str, build: Callable[[], None]) -> None:
    """Give the database the state ``build`` makes: built the first time in this process and
    kept, copied back after that. Outside any transaction: the whole database is replaced."""
    if not can_copy():
        build()
        return
    if name in _snapshots:
        put_back(_snapshots[name])
        return
    build()
    _snapshots[name] = copy_database()


def attach_copy(name: str, build: Callable[[], None]) -> None:
    """Build the state once (outside any transaction), keep a copy of it attached to the
    connection as ``prongsai_copy``, and put the database back as it was."""
    if name in _snapshots:
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


def fill_from_copy() -> None:
    """Inside the test's transaction: every table's rows replaced by the attached copy's. Foreign
    keys are checked when the test ends (Django's SQLite constraints are deferred)."""
    with connection.cursor() as cursor:
        tables = _copied_tables(cursor)
        for name, _columns in tables:
            cursor.execute(f'DELETE FROM main."{name}"')  # noqa: S608 (a table of our schema)
        for name, columns in tables:
            listed = ", ".join(f'"{column}"' for column in columns)
            cursor.execute(
                f'INSERT INTO main."{name}" ({listed}) SELECT {listed} FROM {_ATTACHED_AS}."{name}"'  # noqa: S608
            )
    forget_cached_rows()
