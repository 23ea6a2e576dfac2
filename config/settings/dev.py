"""Local development and the one-command demo (SQLite unless DATABASE_URL is set)."""

from .base import *  # noqa: F403

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]

from .base import DATA_DIR  # noqa: E402

DATA_DIR.mkdir(parents=True, exist_ok=True)
