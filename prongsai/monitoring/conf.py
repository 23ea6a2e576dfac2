"""Monitoring settings with their defaults; an agency profile overrides them in settings."""

import datetime as dt

from django.conf import settings

DEFAULT_REVIEW_INTERVAL_DAYS = {
    # Items that change often are reviewed more often (R31). Keys are categories.py codes.
    "default": 365,
    "news": 90,
    "eservices": 180,
    "service-manuals": 180,
    "links": 180,
    "oia": 365,
}


def review_interval_days(category_code: str) -> int:
    table = {
        **DEFAULT_REVIEW_INTERVAL_DAYS,
        **getattr(settings, "PRONGSAI_REVIEW_INTERVAL_DAYS", {}),
    }
    return int(table.get(category_code) or table["default"])


def review_reminder_every() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "PRONGSAI_REVIEW_REMINDER_EVERY_DAYS", 7))


def review_escalate_after() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "PRONGSAI_REVIEW_ESCALATE_AFTER_DAYS", 14))


def expiry_notice_days() -> int:
    return getattr(settings, "PRONGSAI_EXPIRY_NOTICE_DAYS", 7)


def job_grace() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "PRONGSAI_JOB_GRACE_MINUTES", 10))


def min_webmasters() -> int:
    return getattr(settings, "PRONGSAI_MIN_WEBMASTERS", 2)


def supervisor_emails() -> list[str]:
    return list(getattr(settings, "PRONGSAI_SUPERVISOR_EMAILS", []))


def link_check_timeout() -> float:
    return float(getattr(settings, "PRONGSAI_LINK_CHECK_TIMEOUT", 10))


def link_check_concurrency() -> int:
    return int(getattr(settings, "PRONGSAI_LINK_CHECK_CONCURRENCY", 8))


def link_check_host_delay() -> float:
    """Seconds between two requests to the same host: politeness toward other agencies' sites."""
    return float(getattr(settings, "PRONGSAI_LINK_CHECK_HOST_DELAY", 1.0))
