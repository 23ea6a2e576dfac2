"""The install's backup configuration: where archives go, the key, how many are kept.

These belong to the server (one install may serve several sites), not to an agency's site.
"""

from pathlib import Path

from django.conf import settings

JOB_NAME = "backup"  # the periodic job (tasks.py) and its JobRun rows
STALE_AFTER_HOURS = 48


def backup_dir() -> Path:
    return Path(settings.PRONGSAI_BACKUP_DIR)


def public_key_path() -> Path | None:
    value = getattr(settings, "PRONGSAI_BACKUP_PUBLIC_KEY", "")
    return Path(value) if value else None


def keep_daily() -> int:
    return settings.PRONGSAI_BACKUP_KEEP_DAILY


def keep_monthly() -> int:
    return settings.PRONGSAI_BACKUP_KEEP_MONTHLY
