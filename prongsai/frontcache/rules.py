"""Which cached URLs a change makes stale (R13, R30): the purge rules, in one place.

Each rule names the pages a visitor would see differently after the change, and no others:

* a page published, unpublished, deleted or scheduled in/out: the page itself, the listing it
  appears in (its parent), the home page when it is news (the home page shows the latest
  news), every page that links to it (Wagtail's reference index), and the site-wide lists
  that include every page (sitemap, news feed, the OIT pages, sitemap pages);
* its title or slug changed: also its live descendants (their breadcrumbs, or their URLs);
* a page of the main menu whose title, slug, publication or menu flag changed, a site, a
  site setting: everything, because every page shows the menu and the agency's settings;
* moved: the old and new URLs of the page and its descendants and both listings;
* a document saved, deleted, or its window opening or closing: the pages that link to it and
  the OIT pages (documents are served by Django, never from the cache).
"""

from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, ReferenceIndex, Site

MENU_FIELDS = ("title", "slug", "live", "show_in_menus")


def _site_roots() -> list[str]:
    return [site.root_url.rstrip("/") for site in Site.objects.all()]


def _fixed_paths() -> list[str]:
    from prongsai.compliance.selectors import active_catalogues

    paths = []
    for name in ("sitemap-xml", "news-feed", "compliance:oit-index"):
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    for slug in active_catalogues().values_list("slug", flat=True):
        paths.append(reverse("compliance:oit-page", args=[slug]))
    return paths


def site_wide_lists() -> set[str]:
    """The lists that show every page: sitemap, feed, OIT, and the sitemap pages."""
    from prongsai.sitepages.models import SitemapPage

    urls = {root + path for root in _site_roots() for path in _fixed_paths()}
    for page in SitemapPage.objects.live():
        urls |= page_urls(page)
    return urls


def page_urls(page) -> set[str]:
    """The page's cached URLs on every site (routable pages included), as Wagtail gives them."""
    from wagtail.contrib.frontend_cache.utils import _get_page_cached_urls

    return set(_get_page_cached_urls(page))


def is_news(page) -> bool:
    from prongsai.sitepages.models import NewsPage

    return page.specific_class is not None and issubclass(page.specific_class, NewsPage)


def is_menu_page(page) -> bool:
    return page.depth == 3  # a child of a site's home page (depth 2)


def linking_pages(obj) -> set[str]:
    urls: set[str] = set()
    referencing = ReferenceIndex.get_references_to(obj).group_by_source_object()
    for source, _references in referencing:
        if isinstance(source, Page) and source.live:
            urls |= page_urls(source)
    return urls


def everything() -> set[str]:
    """Every URL that may be in the cache: live pages, site-wide lists, expired items (410)."""
    from prongsai.monitoring.models import ExpiredItem

    urls = site_wide_lists()
    for page in Page.objects.live().filter(depth__gt=1).specific(defer=True).iterator():
        urls |= page_urls(page)
    roots = _site_roots()
    for path in ExpiredItem.objects.filter(active=True).values_list("path", flat=True):
        if path.startswith("/"):
            urls |= {root + path for root in roots}
    return urls


def for_page_change(page, before: dict | None = None) -> set[str]:
    """A page published, unpublished or deleted. ``before``: its fields before the save."""
    before = before or {}
    changed = {
        name for name in MENU_FIELDS if name in before and before[name] != getattr(page, name)
    }
    if is_menu_page(page) and changed:
        return everything()
    urls = page_urls(page) | linking_pages(page) | site_wide_lists()
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        urls |= page_urls(parent.specific_deferred)
    if is_news(page):
        home = page.get_ancestors().filter(depth=2).first()
        if home is not None:
            urls |= page_urls(home.specific_deferred)
    if changed & {"title", "slug"}:
        for child in page.get_descendants().live().specific(defer=True):
            urls |= page_urls(child)
    if "slug" in changed and before.get("old_urls"):
        urls |= set(before["old_urls"])
    return urls


def old_urls_of_subtree(page) -> list[str]:
    """The URLs a page and its live descendants have now, before a move or slug change."""
    urls: set[str] = set()
    for item in Page.objects.filter(path__startswith=page.path).live().specific(defer=True):
        urls |= page_urls(item)
    return sorted(urls)


def for_move(page, old_urls: list[str], parent_before, parent_after) -> set[str]:
    if is_menu_page(page) or (parent_before and parent_before.depth == 2):
        return everything()
    urls = set(old_urls) | set(old_urls_of_subtree(page)) | site_wide_lists()
    for parent in (parent_before, parent_after):
        if parent is not None and parent.depth > 1:
            urls |= page_urls(parent.specific_deferred)
    return urls


def for_document(document) -> set[str]:
    urls = linking_pages(document)
    roots = _site_roots()
    urls |= {root + path for root in roots for path in _fixed_paths() if "/oit/" in path}
    return urls


def for_oit() -> set[str]:
    return {root + path for root in _site_roots() for path in _fixed_paths() if "/oit/" in path}
