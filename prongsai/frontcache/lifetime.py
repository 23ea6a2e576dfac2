"""How long a public page may stay in the front cache (R30).

Never past the next moment any publication window opens or closes (a page's go-live or expiry,
a scheduled revision, a document's window), whichever page it is on: a listing or the OIT page
shows items whose windows are elsewhere, and a purge may fail. So if the nearest window edge is
17:00, every page cached at 16:58 leaves the cache at 17:00 at the latest, purge or not. The
nearest edge is one site-wide value, kept in the cache and forgotten when any page, revision
or document is saved.
"""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

KEY = "frontcache:next-window-edge"
#: never trust a stored edge longer than this (a schedule written behind the ORM's back)
RECHECK_SECONDS = 300


def _compute(now: dt.datetime) -> dt.datetime | None:
    from wagtail.models import Page, Revision

    from prongsai.sitepages.models import AgencyDocument

    candidates = [
        Page.objects.filter(live=True, expire_at__gt=now).aggregate(m=Min("expire_at"))["m"],
        Page.objects.filter(go_live_at__gt=now).aggregate(m=Min("go_live_at"))["m"],
        Revision.page_revisions.filter(approved_go_live_at__gt=now).aggregate(
            m=Min("approved_go_live_at")
        )["m"],
        AgencyDocument.objects.filter(publish_from__gt=now).aggregate(m=Min("publish_from"))["m"],
        AgencyDocument.objects.filter(publish_until__gt=now).aggregate(m=Min("publish_until"))["m"],
    ]
    found = [value for value in candidates if value is not None]
    return min(found) if found else None


def next_window_edge(now: dt.datetime | None = None) -> dt.datetime | None:
    now = now or timezone.now()
    stored = cache.get(KEY)
    if stored is not None:
        edge = stored or None  # "" means "no edge ahead"
        if edge is None or edge > now:
            return edge
    edge = _compute(now)
    timeout = RECHECK_SECONDS
    if edge is not None:
        timeout = max(1, min(timeout, int((edge - now).total_seconds())))
    cache.set(KEY, edge or "", timeout)
    return edge


def forget() -> None:
    cache.delete(KEY)


def seconds_cacheable(now: dt.datetime | None = None) -> int:
    """The s-maxage for a page built now: the configured lifetime, cut at the next window edge."""
    now = now or timezone.now()
    seconds = int(settings.PRONGSAI_FRONT_CACHE_SECONDS)
    edge = next_window_edge(now)
    if edge is not None:
        seconds = min(seconds, int((edge - now).total_seconds()))
    return max(0, seconds)
