"""Install-wide defaults, read once when a site's policy is first created.

After that the site's own ``AgencyPolicy`` row is the policy (docs/adr/0180-agency-policy-per-site.md):
these settings only seed a new site, they never override a site that has its policy.
"""

from django.conf import settings

#: Items that change often are reviewed more often (R31). Keys are core.categories codes.
REVIEW_INTERVAL_DAYS = {
    "default": 365,
    "news": 90,
    "eservices": 180,
    "service-manuals": 180,
    "links": 180,
    "oia": 365,
}


def publish_deadline_working_days() -> int:
    return int(getattr(settings, "PRONGSAI_PUBLISH_DEADLINE_WORKING_DAYS", 3))


def verbal_confirm_working_days() -> int:
    return int(getattr(settings, "PRONGSAI_VERBAL_CONFIRM_WORKING_DAYS", 2))


def min_webmasters() -> int:
    return int(getattr(settings, "PRONGSAI_MIN_WEBMASTERS", 2))


def review_interval_days() -> dict:
    return {**REVIEW_INTERVAL_DAYS, **getattr(settings, "PRONGSAI_REVIEW_INTERVAL_DAYS", {})}


def review_reminder_every_days() -> int:
    return int(getattr(settings, "PRONGSAI_REVIEW_REMINDER_EVERY_DAYS", 7))


def review_escalate_after_days() -> int:
    return int(getattr(settings, "PRONGSAI_REVIEW_ESCALATE_AFTER_DAYS", 14))


def expiry_notice_days() -> int:
    return int(getattr(settings, "PRONGSAI_EXPIRY_NOTICE_DAYS", 7))


def revision_class_code() -> str:
    return str(getattr(settings, "PRONGSAI_PUBLISH_REVISION_CLASS", ""))


#: The Official Information Commission's guidance: a request for information (OIA s.11) is
#: answered within 15 days of its receipt. A site may promise sooner, never later.
INFO_REQUEST_MAX_RESPONSE_DAYS = 15


def info_request_response_days() -> int:
    return int(getattr(settings, "PRONGSAI_INFO_REQUEST_RESPONSE_DAYS", 15))
