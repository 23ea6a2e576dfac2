"""The only place that reads the process environment.

Settings modules call these helpers; nothing else in the project touches ``os.environ``.
Each helper names the variable it reads so a wrong value fails with a message that says
which variable to fix. Every variable is listed in ``docs/env-vars.md``.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value is None else value


def env_required(name: str, why: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} is required: {why}")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"Environment variable {name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"Environment variable {name} must be a whole number, not {value!r}"
        ) from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


#: SQLite: wait for a writer rather than fail, and take the write lock when a transaction starts.
#: Write-ahead log (ADR 0311): readers never wait for a writer's commit (in the default rollback
#: journal every page view waited out each search count's fsync); commits stay synchronous=FULL,
#: so a committed change survives a power cut.
SQLITE_OPTIONS = {
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL",
}


def database_config(default_sqlite_path: str) -> dict:
    """Database from ``DATABASE_URL``; SQLite at ``default_sqlite_path`` when unset."""
    import dj_database_url

    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": default_sqlite_path,
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # A SQLite file named by URL needs the same locking as the default one: without an
        # IMMEDIATE transaction two writers (two gunicorn workers counting searches) fail at
        # once with "database is locked" instead of waiting their turn.
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


def has_database_url() -> bool:
    return bool(os.environ.get("DATABASE_URL", "").strip())
