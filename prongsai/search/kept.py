"""The search page's HTML kept for anonymous visitors (ADR 0313).

A search answers the same HTML to every anonymous visitor who asks the same thing, and changes
only when what can be found changes. So the page's content (form, "did you mean", results,
pagination) is kept with ``core.fragments`` (site generation tokens, language, static files'
version, at most ``PRONGSAI_FRAGMENT_CACHE_SECONDS`` and never past the next publication
window edge, R30) under, in addition:

* the search index's token (``index_token``), replaced after every commit that writes the
  index: an answered question, a document's extracted text or a re-index change results
  without touching any page, so the site generation alone would miss them;
* a digest of the query as shown (it is cut at 200 characters before this), the category,
  fiscal year and file type filters after they were checked against the known values, the
  current fiscal year (the form's year choices) and the page number, kept only from 1 to
  ``KEPT_PAGES``: unknown parameters and invalid values add no entry, so a flood of made-up
  query strings cannot fill the cache beyond one entry per distinct real search.

Nothing is kept or served for a visitor with a session (staff may see restricted pages and
must always see the search as it is now). Each search stays counted (R37): the kept value
remembers whether the page counted the search and whether it found anything.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from prongsai.core import fragments

#: Result pages kept per search; deeper pages are rendered every time (crawlers, rare).
KEPT_PAGES = 20
INDEX_TOKEN_KEY = "prongsai:search-index-token"  # noqa: S105 (a cache key)

#: The first character of a kept value: what the page did about counting the search.
NOT_COUNTED, COUNTED_FOUND, COUNTED_NOTHING = "-", "1", "0"


@dataclass
class KeptSearch(fragments.Fragment):
    """The kept content of one search page; ``counted`` and ``found`` say how to count it."""

    counted: bool = False
    found: bool = False

    def keep(self, html: str) -> None:
        flag = (COUNTED_FOUND if self.found else COUNTED_NOTHING) if self.counted else NOT_COUNTED
        super().keep(flag + html)


def index_token(request=None) -> str:
    """The search index's current token; a new one is made when the cache lost it, which only
    leaves the old entries unreachable. Read once per ``request`` (the kept page's key and the
    per-process reuse of ADR 0340 both ask for it)."""
    token = getattr(request, "_prongsai_index_token", None)
    if token is None:
        token = _read_index_token()
        if request is not None:
            request._prongsai_index_token = token
    return token


def _read_index_token() -> str:
    token = cache.get(INDEX_TOKEN_KEY)
    if token is None:
        cache.add(INDEX_TOKEN_KEY, uuid.uuid4().hex, None)
        token = cache.get(INDEX_TOKEN_KEY) or "-"
    return token


def forget_kept_searches() -> None:
    """The index changed: kept search pages are built again once the change is committed."""
    transaction.on_commit(lambda: cache.set(INDEX_TOKEN_KEY, uuid.uuid4().hex, None))


def kept_page_number(raw: str | None) -> int | None:
    """The page number a kept entry is for, or None when this page is not kept. A missing or
    non-numeric value is the first page, as the paginator shows it."""
    if raw is None:
        return 1
    try:
        number = int(raw)
    except ValueError:
        return 1
    return number if 1 <= number <= KEPT_PAGES else None


def for_request(request, *, query, category, fiscal_year, file_type, current_year):
    """The kept search page for this request, looked up (``html`` None when it must be
    rendered); None when this request's page is not kept at all."""
    if getattr(request, "is_preview", False) or request.method != "GET":
        return None
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return None  # staff or anyone with a session: always the search as it is now
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    number = kept_page_number(request.GET.get("page"))
    if number is None:
        return None
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    fragment = fragments.for_request(
        request,
        "search",
        index_token(request),
        digest,
        category or "-",
        fiscal_year or "-",
        file_type or "-",
        current_year,
        number,
    )
    if fragment is None:
        return None
    kept = KeptSearch(fragment.key, None)
    if fragment.html:
        flag, html = fragment.html[0], fragment.html[1:]
        kept.html, kept.counted, kept.found = html, flag != NOT_COUNTED, flag == COUNTED_FOUND
    return kept
