"""Which requests count as a page view (the rule documented in docs/analytics.md)."""

import re

from django.conf import settings

# Crawlers, monitors, link previews, command-line clients and headless browsers.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scan|monitor|uptime|pingdom|preview|"
    r"facebookexternalhit|whatsapp|line-poker|curl|wget|httpie|python|java/|go-http|okhttp|"
    r"axios|node-fetch|libwww|headless|phantom|selenium|playwright|puppeteer|lighthouse",
    re.IGNORECASE,
)
EXCLUDED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/django-admin/", "/i18n/")


def is_bot(user_agent: str) -> bool:
    return not user_agent.strip() or bool(BOT_PATTERN.search(user_agent))


def is_staff(user) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def excluded_prefixes() -> tuple[str, ...]:
    return EXCLUDED_PREFIXES + (settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/")


def is_countable(request, response) -> bool:
    """A public HTML page answered to a GET: the same for every visitor who is not staff.

    Bots are left to the counting job (``is_bot`` on each log line), because a cached answer
    is replayed to humans and bots alike."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if request.path.startswith(excluded_prefixes()):
        return False
    return not is_staff(getattr(request, "user", None))


def should_count(request, response) -> bool:
    """What one request adds to the statistics, decided in one place (tests, reports)."""
    return is_countable(request, response) and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
