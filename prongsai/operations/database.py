"""Dump and restore the database, with the row counts and migration state of the same snapshot.

PostgreSQL: ``pg_dump -Fc`` inside an exported REPEATABLE READ snapshot, so the counts in the
manifest are exactly what the dump holds even while the site keeps taking submissions.
``pg_restore --single-transaction``: a restore that fails leaves the target database as it was.
SQLite: the online backup API (a consistent copy while other connections write); the counts
are read from the copy itself.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

SQLITE_MEMBER = "database/prongsai.sqlite3"
POSTGRES_MEMBER = "database/prongsai.pgdump"


class DatabaseError(RuntimeError):
    pass


def vendor(alias: str = "default") -> str:
    return connections[alias].vendor


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _pg_env(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    sslmode = (settings_dict.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise DatabaseError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _counts_and_migrations(cursor, tables: list[str]) -> tuple[dict, dict]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 - introspected name
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return counts, migrations


def dump(target_dir: Path, alias: str = "default") -> dict:
    """Write the dump under ``target_dir``; return its member name, counts and migrations."""
    connection = connections[alias]
    if connection.vendor == "postgresql":
        return _dump_postgres(target_dir, alias)
    if connection.vendor == "sqlite":
        return _dump_sqlite(target_dir, alias)
    raise DatabaseError(f"backups of a {connection.vendor} database are not supported")


def _dump_sqlite(target_dir: Path, alias: str) -> dict:
    path = target_dir / SQLITE_MEMBER
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[alias]
    if connection.in_atomic_block:
        # The online backup waits for the caller's own write lock: it would wait forever.
        raise DatabaseError("a backup cannot run inside a database transaction")
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
        cursor = copy.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts, migrations = _counts_and_migrations(cursor, tables)
    finally:
        copy.close()
    return {"member": SQLITE_MEMBER, "vendor": "sqlite", "counts": counts, "migrations": migrations}


def _dump_postgres(target_dir: Path, alias: str) -> dict:
    path = target_dir / POSTGRES_MEMBER
    path.parent.mkdir(parents=True, exist_ok=True)
    # A connection of its own: the snapshot transaction must not mix with the caller's.
    connection = connections.create_connection(alias)
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = connection.introspection.table_names(cursor)
            counts, migrations = _counts_and_migrations(cursor, tables)
            settings_dict = connection.settings_dict
            result = subprocess.run(  # noqa: S603 - fixed argument list
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={path}",
                    settings_dict["NAME"],
                ],
                env=_pg_env(settings_dict),
                capture_output=True,
                text=True,
                check=False,
            )
            cursor.execute("COMMIT")
        if result.returncode != 0:
            raise DatabaseError(f"pg_dump failed: {result.stderr.strip()}")
    finally:
        connection.close()
    return {
        "member": POSTGRES_MEMBER,
        "vendor": "postgresql",
        "counts": counts,
        "migrations": migrations,
    }


def table_names(alias: str = "default") -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def table_counts(alias: str = "default") -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        counts, _migrations = _counts_and_migrations(
            cursor, connection.introspection.table_names(cursor)
        )
    return counts


def restore(dump_path: Path, dump_vendor: str, alias: str = "default") -> None:
    connection = connections[alias]
    if dump_vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump_path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    settings_dict = connection.settings_dict
    result = subprocess.run(  # noqa: S603 - fixed argument list
        [
            _tool("pg_restore"),
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            f"--dbname={settings_dict['NAME']}",
            str(dump_path),
        ],
        env=_pg_env(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise DatabaseError(
            f"pg_restore failed (the database was left as it was): {result.stderr.strip()}"
        )
