"""Monitoring's knobs: the agency's policy (``prongsai.policy``) and install-wide technical limits."""

import datetime as dt

from django.conf import settings

from prongsai.policy import defaults
from prongsai.policy.selectors import policy_for, supervisor_users

DEFAULT_REVIEW_INTERVAL_DAYS = defaults.REVIEW_INTERVAL_DAYS


def review_interval_days(category_code: str) -> int:
    return policy_for().interval_for(category_code)


def review_reminder_every() -> dt.timedelta:
    return dt.timedelta(days=policy_for().review_reminder_every_days)


def review_escalate_after() -> dt.timedelta:
    return dt.timedelta(days=policy_for().review_escalate_after_days)


def expiry_notice_days() -> int:
    return policy_for().expiry_notice_days


def job_grace() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "PRONGSAI_JOB_GRACE_MINUTES", 10))


def min_webmasters() -> int:
    return policy_for().min_webmasters


def supervisor_emails() -> list[str]:
    return sorted({user.email for user in supervisor_users() if user.email})


def link_check_timeout() -> float:
    return float(getattr(settings, "PRONGSAI_LINK_CHECK_TIMEOUT", 10))


def link_check_concurrency() -> int:
    return int(getattr(settings, "PRONGSAI_LINK_CHECK_CONCURRENCY", 8))


def link_check_host_delay() -> float:
    """Seconds between two requests to the same host: politeness toward other agencies' sites."""
    return float(getattr(settings, "PRONGSAI_LINK_CHECK_HOST_DELAY", 1.0))
