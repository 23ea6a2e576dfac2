"""Page queries for the public site, written so a page view needs few SQL queries.

Wagtail's defaults cost two queries per URL level to route, one extra query every time a
queryset calls ``.public()`` and one to resolve aliases before checking view restrictions.
A news page three levels deep therefore needed 13 queries; these helpers give the same
answers in fewer (the query-budget test in prongsai/sitepages/tests pins the numbers).
"""

import copy
import time

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from prongsai.core import windowedges


def exclude_private(queryset):
    """``queryset.public()`` in the same SQL query: drop pages under a view restriction.

    Wagtail's ``.public()`` first loads every restriction (one more query each time it is
    called); a correlated ``NOT EXISTS`` on the path prefix gives the same rows.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted))


def view_restrictions_for(page):
    """The restrictions on ``page`` and its ancestors, as ``Page.get_view_restrictions``.

    The ancestors' paths follow from the page's own path, so no query is needed to list
    them; an alias (at any level) uses its source page's restrictions instead of its own,
    exactly as Wagtail resolves them.
    """
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    own = Q(page__path__in=paths, page__alias_of__isnull=True)
    sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(own | Q(page__in=Subquery(sources)))


def _routes_itself(page_class) -> bool:
    """True when the class keeps the plain slug-per-level routing (no custom ``route``)."""
    from prongsai.core.models import BasePage

    return page_class.route in (BasePage.route, Page.route)


#: (site generation tokens, parent id, path) -> (kept until, the page it routes to), per
#: process (ADR 0312)
_routed: dict[tuple, object] = {}
_MAX_ROUTED = 500


def _routed_key(parent, request, path_components) -> tuple | None:
    from prongsai.core import sitestate

    generation = sitestate.for_request(request).generation
    if generation is None:
        return None
    return (generation, parent.pk, tuple(path_components))


def forget_routes() -> None:
    _routed.clear()


def _routed_copy(page):
    """A copy for one request: what the request sets on its page never reaches the next one
    (Django copies the instance's related-object cache too)."""
    copied = copy.copy(page)
    copied.route_ancestors = list(page.route_ancestors)
    return copied


def route_descendant(parent, request, path_components):
    """Route to a descendant of ``parent`` in two queries, whatever its depth, and in none
    when this process routed the same path under the same site generation (ADR 0312).

    One query fetches every page on the URL's path by ``url_path``; a second loads the
    target as its specific class (with its owner unit). A page type along the way that
    routes by itself (e.g. a RoutablePage) gets the rest of the path, as in Wagtail.
    The pages on the way are kept on the target for breadcrumbs (``route_ancestors``).
    The result is kept under the site's ``SiteGeneration`` tokens, which every page save,
    publication, unpublication, move and view restriction replaces in its own transaction.
    """
    key = _routed_key(parent, request, path_components)
    kept_until, kept = _routed.get(key, (0.0, None)) if key is not None else (0.0, None)
    if kept is not None and time.monotonic() < kept_until:
        return mark_if_unrestricted(RouteResult(_routed_copy(kept)), request)
    url_paths = []
    url_path = parent.url_path
    for component in path_components:
        url_path += component + "/"
        url_paths.append(url_path)
    on_path = {
        page.url_path: page
        for page in Page.objects.filter(url_path__in=url_paths, path__startswith=parent.path)
    }
    ancestors = [*getattr(parent, "route_ancestors", []), parent]
    current = parent
    for index, url_path in enumerate(url_paths):
        page = on_path.get(url_path)
        if page is None or page.depth != current.depth + 1:
            raise Http404
        page._cached_parent_obj = current
        remaining = path_components[index + 1 :]
        page_class = page.specific_class
        if page_class is None:
            raise Http404
        if remaining and _routes_itself(page_class):
            ancestors.append(page)
            current = page
            continue
        specific = _load_specific(page_class, page)
        specific._cached_parent_obj = current
        specific.route_ancestors = ancestors
        if remaining:
            return mark_if_unrestricted(specific.route(request, remaining), request)
        if not specific.live:
            raise Http404
        if key is not None:
            if len(_routed) >= _MAX_ROUTED:
                _routed.clear()
            # Kept no longer than the kept HTML (changes no signal announces, a unit renamed),
            # copied before this request sets anything on it.
            lifetime = windowedges.seconds_until_edge(settings.PRONGSAI_FRAGMENT_CACHE_SECONDS)
            _routed[key] = (time.monotonic() + lifetime, _routed_copy(specific))
        return mark_if_unrestricted(RouteResult(specific), request)
    raise Http404  # unreachable: path_components is never empty here


def mark_if_unrestricted(route_result, request):
    """Flag the routed page when the in-memory site state knows that no view restriction or
    alias lies on its path, so checking its restrictions needs no query."""
    from prongsai.core import sitestate

    page = route_result.page if isinstance(route_result, RouteResult) else route_result[0]
    if sitestate.for_request(request).is_unrestricted(page):
        page._known_unrestricted = True
    return route_result


def _load_specific(page_class, page):
    from prongsai.core.models import PublicationMetadata

    queryset = page_class._default_manager.filter(pk=page.pk)
    if issubclass(page_class, PublicationMetadata):
        queryset = queryset.select_related("owner_unit")
    rows = list(queryset.order_by())  # one row by primary key: no ORDER BY or LIMIT to build
    if not rows:
        raise Http404
    return rows[0]


class BoundedPaginator(Paginator):
    """Django's paginator that stops after ``max_pages``: deeper rows are reached by search.

    An ``OFFSET`` costs as many rows as it skips, so a crawler walking ``?page=`` to the end
    of a 50,000-item listing would make every request slower than the last. ``truncated``
    tells the template to point at the search page for older items.
    """

    def __init__(self, object_list, per_page, *, count: int, max_pages: int | None):
        super().__init__(object_list, per_page)
        self.count = count  # cached_property: Django's paginator will not count again
        self.max_pages = max_pages

    @property
    def num_pages(self) -> int:  # type: ignore[override]
        pages = super().num_pages
        return min(pages, self.max_pages) if self.max_pages else pages

    @property
    def truncated(self) -> bool:
        return bool(self.max_pages) and super().num_pages > self.max_pages


#: Listing pages a visitor can walk to; older items are found by search (ADR 0210).
MAX_LISTING_PAGES = 50


def paginate(
    queryset, per_page: int, page_number, *, count_key: str | None = None, max_pages=None
) -> PaginatorPage:
    """One page of ``queryset``: the rows by ``LIMIT``, the total from the cache when it can.

    ``count_key`` (built with ``core.sitecache.key``, so it changes with the site) keeps the
    total between requests: counting every live row costs as much as the listing grows, the
    page itself only what it shows. An out-of-range or invalid page number shows the last or
    the first page, like ``Paginator.get_page``; past ``max_pages`` the last page allowed.
    """
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    total = cache.get(count_key) if count_key else None
    if total is None:
        total = queryset.order_by().count()
        if count_key:
            cache.set(count_key, total, COUNT_SECONDS)
    paginator = BoundedPaginator(queryset, per_page, count=total, max_pages=max_pages)
    number = min(number, paginator.num_pages)
    rows = list(queryset[(number - 1) * per_page : number * per_page])
    return PaginatorPage(rows, number, paginator)


#: How long a listing count may be kept when no signal reaches the cache (per-process caches).
COUNT_SECONDS = 600
