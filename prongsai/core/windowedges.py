"""The next moment any publication window opens or closes (R30), for everything kept for a while.

A page's go-live or expiry, a scheduled revision, a document's window: at that moment what the
public site shows changes without anyone saving anything, so nothing kept from before it (a
page in nginx's cache, a rendered listing) may be served after it. The nearest edge is one
install-wide value, kept in the shared cache and forgotten when any page, revision or document
is saved or deleted (``signals.py``); it is recomputed at least every ``RECHECK_SECONDS`` in
case a schedule was written behind the ORM's back.

Core knows pages and revisions; an app whose own model has a window (the documents, in
``sitepages``) adds it with ``register`` when it loads, because core imports no app.
"""

import datetime as dt
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

KEY = "frontcache:next-window-edge"  # the name the front cache has always used
#: never trust a stored edge longer than this (a schedule written behind the ORM's back)
RECHECK_SECONDS = 300

EdgeSource = Callable[[dt.datetime], dt.datetime | None]
_sources: list[EdgeSource] = []


def register(source: EdgeSource) -> None:
    """Add a source of window edges: called with ``now``, it returns its first edge after now."""
    if source not in _sources:
        _sources.append(source)


def _page_edges(now: dt.datetime) -> list:
    from wagtail.models import Page, Revision

    pages = Page.objects.aggregate(
        expires=Min("expire_at", filter=Q(live=True, expire_at__gt=now)),
        goes_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
    )
    revisions = Revision.page_revisions.filter(approved_go_live_at__gt=now)
    return [*pages.values(), revisions.aggregate(m=Min("approved_go_live_at"))["m"]]


def _compute(now: dt.datetime) -> dt.datetime | None:
    candidates = [*_page_edges(now), *(source(now) for source in _sources)]
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


def seconds_until_edge(limit: int, now: dt.datetime | None = None) -> int:
    """``limit`` seconds, cut at the next window edge (0: the edge is now, keep nothing)."""
    now = now or timezone.now()
    seconds = int(limit)
    edge = next_window_edge(now)
    if edge is not None:
        seconds = min(seconds, int((edge - now).total_seconds()))
    return max(0, seconds)
