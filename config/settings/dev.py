"""Local development (SQLite unless DATABASE_URL is set); `make demo` uses demo.py on top of it."""

from .base import *  # noqa: F403

DEBUG = True
INTERNAL_IPS = ["127.0.0.1"]

from .base import DATA_DIR  # noqa: E402

DATA_DIR.mkdir(parents=True, exist_ok=True)

# The demo's e-mails (notifications in Thai) are written one file each to var/sent-mail/,
# readable there instead of scrolling past the console as base64.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": DATA_DIR / "sent-mail"},
    }
}
