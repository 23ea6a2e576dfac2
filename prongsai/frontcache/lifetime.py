"""How long a public page may stay in the front cache (R30).

Never past the next moment any publication window opens or closes (a page's go-live or expiry,
a scheduled revision, a document's window), whichever page it is on: a listing or the OIT page
shows items whose windows are elsewhere, and a purge may fail. So if the nearest window edge is
17:00, every page cached at 16:58 leaves the cache at 17:00 at the latest, purge or not. The
nearest edge is kept by ``core.windowedges`` (one install-wide value, also used by the cached
listings), forgotten when any page, revision or document is saved.
"""

import datetime as dt

from django.conf import settings

from prongsai.core.windowedges import forget, next_window_edge, seconds_until_edge

__all__ = ["forget", "next_window_edge", "seconds_cacheable"]


def seconds_cacheable(now: dt.datetime | None = None) -> int:
    """The s-maxage for a page built now: the configured lifetime, cut at the next window edge."""
    return seconds_until_edge(settings.PRONGSAI_FRONT_CACHE_SECONDS, now)
