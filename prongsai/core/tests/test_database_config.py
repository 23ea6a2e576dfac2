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
