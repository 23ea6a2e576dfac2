"""Rendered HTML built from a site's pages, kept until the site changes or a window edge passes.

A category listing is the same for every visitor (no one's name, no form, no token in it) and
changes only when a page of its site is saved, published, unpublished or moved, or when a
publication window opens or closes. So its HTML is kept in the shared cache under:

* the site's two ``SiteGeneration`` tokens this request already read (``sitestate``), which
  every such change replaces in its own transaction: no signal can be missed and no process
  can keep an old copy (the keys are in the database, not in each process's memory);
* the language, the static files' version and whatever else the caller says the HTML
  depends on.

It is kept at most ``PRONGSAI_FRAGMENT_CACHE_SECONDS`` (for changes no signal announces, such
as a unit renamed) and never past the next window edge (``windowedges``, R30): a listing built
at 16:58 is built again at 17:00 when an item's window closes then (ADR 0310).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from . import sitestate, windowedges

_PREFIX = "prongsai:fragment"


@dataclass
class Fragment:
    """One piece of HTML: ``html`` is what was kept, or None when it must be rendered."""

    key: str
    html: str | None

    def keep(self, html: str) -> None:
        seconds = windowedges.seconds_until_edge(settings.PRONGSAI_FRAGMENT_CACHE_SECONDS)
        if seconds > 0:
            cache.set(self.key, html, seconds)


def _static_version() -> str:
    """The collected static files' version: a kept page frame names their hashed file names,
    so a deployment with new files must not find the previous release's HTML in Redis."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    return getattr(staticfiles_storage, "manifest_hash", "") or "-"


def for_request(request, name: str, *parts) -> Fragment | None:
    """The fragment ``name`` of the request's site, looked up; None when it cannot be kept
    (no site, no generation tokens, or keeping is switched off)."""
    if not settings.PRONGSAI_FRAGMENT_CACHE_SECONDS:
        return None
    state = sitestate.for_request(request)
    if state.site is None or state.generation is None:
        return None
    install_token, site_token = state.generation
    key = ":".join(
        [
            _PREFIX,
            _static_version(),
            str(state.site.pk),
            install_token,
            site_token or "-",
            get_language() or "-",
            name,
            *map(str, parts),
        ]
    )
    return Fragment(key, cache.get(key))
