"""Browser tests: the test settings with a file-based SQLite database.

The live server answers the browser from several threads at once (a page and its jsi18n, its
images...). With an in-memory SQLite database Django shares one connection between those
threads, and SQLite refuses concurrent use of a connection ("bad parameter or other API
misuse"). A file database gives each thread its own connection.
"""

import tempfile
from pathlib import Path

from .test import *  # noqa: F403
from .test import env

if not env.has_database_url():
    _BROWSER_DB = Path(tempfile.mkdtemp(prefix="prongsai-browser-test-")) / "browser.sqlite3"
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(_BROWSER_DB),
            "OPTIONS": {"timeout": 30, "transaction_mode": "IMMEDIATE"},
            "TEST": {"NAME": str(_BROWSER_DB)},
        }
    }
