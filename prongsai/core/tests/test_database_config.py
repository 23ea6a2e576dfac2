"""The database settings read from ``DATABASE_URL`` (docs/deployment.md)."""

from config import env


def test_a_sqlite_file_named_by_url_waits_for_writers_like_the_default_one(monkeypatch, tmp_path):
    """Two workers writing at once (search statistics) got "database is locked" 503s when the
    SQLite file came from DATABASE_URL: the URL form lacked the default's IMMEDIATE mode."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'site.sqlite3'}")
    config = env.database_config("unused")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 20


def test_the_default_sqlite_file_and_postgresql_urls_keep_their_settings(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert env.database_config("/tmp/x.sqlite3")["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/example")
    config = env.database_config("unused")
    assert "transaction_mode" not in config.get("OPTIONS", {})
    assert config["CONN_MAX_AGE"] == 60


def test_issue20_a_sqlite_file_uses_the_write_ahead_log_and_full_sync(
    monkeypatch, tmp_path, django_db_blocker
):
    """Issue 20 (ADR 0311): in SQLite's rollback journal a search count's commit (an fsync,
    5–20 ms on a busy disk) locked every reader out, so the search page served 0.4× the plain
    Wagtail reference; with the write-ahead log readers go on during a commit. Commits still
    wait for the disk (synchronous FULL): a published page survives a power cut."""
    import sqlite3

    from django.db.utils import ConnectionHandler

    # The default SQLite file's settings, also when the suite itself runs on PostgreSQL.
    monkeypatch.delenv("DATABASE_URL", raising=False)
    path = tmp_path / "site.sqlite3"
    handler = ConnectionHandler({"default": env.database_config(str(path))})
    with django_db_blocker.unblock():
        connection = handler["default"]
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous")
                assert cursor.fetchone()[0] == 2  # FULL
        finally:
            connection.close()
    # The mode is kept in the file: any other program opening it sees the write-ahead log.
    other = sqlite3.connect(path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other.close()
