"""``sitemap.xml`` as a sitemap index of bounded per-section sitemaps (issue 21, R13).

Wagtail's default sitemap loads every live page as its specific class on every request and
pushes what follows the 50,000th URL onto a ``?p=2`` nothing links to. Here the index lists
one sitemap for the home page and the sections, then one or more per section of at most
``PART_SIZE`` URLs each; every entry is built from the page table's ``url_path`` (one query,
no page objects), and each document is cached under the site's generation
(``core/sitecache.py``), so a crawler's requests are answered from the cache until a page of
that site changes (docs/adr/0212-sitemap-index.md).
"""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.db.models import Count, F
from django.db.models.functions import Substr
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from prongsai.core import sitecache, sitestate
from prongsai.core.pagequeries import exclude_private

PART_SIZE = 5000
#: Kept this long when no signal reaches the cache (a per-process cache in development).
CACHE_SECONDS = 3600
TOP = 0  # the "section" of the home page and the section pages themselves
_SAFE_IN_PATH = "/~:@!$&'()*+,;="
XML = "application/xml; charset=utf-8"


@dataclass(frozen=True)
class Part:
    section: int  # the section page's id, or TOP
    number: int  # from 1

    @property
    def path(self) -> str:
        return reverse("sitemap-part", args=[self.section, self.number])


def _public_live(site):
    home = site.root_page
    return exclude_private(Page.objects.live().filter(path__startswith=home.path))


def parts(site) -> list[Part]:
    """The sitemaps of a site: the top one, then each section's in as many parts as needed."""
    key = sitecache.key(site.pk, "sitemap-parts")
    found = cache.get(key)
    if found is not None:
        return found
    home = site.root_page
    section_length = len(home.path) + home.steplen
    sizes = dict(
        _public_live(site)
        .filter(depth__gt=home.depth + 1)
        .annotate(section_path=Substr("path", 1, section_length))
        .order_by()
        .values_list("section_path")
        .annotate(n=Count("pk"))
    )
    found = [Part(TOP, 1)]
    sections = _public_live(site).filter(depth=home.depth + 1).order_by("path")
    for pk, path in sections.values_list("pk", "path"):
        count = sizes.get(path, 0)
        found += [Part(pk, n) for n in range(1, -(-count // PART_SIZE) + 1)]
    cache.set(key, found, CACHE_SECONDS)
    return found


def _entries(site, part: Part):
    home = site.root_page
    if part.section == TOP:
        rows = _public_live(site).filter(depth__lte=home.depth + 1)
    else:
        section = Page.objects.filter(pk=part.section, depth=home.depth + 1).first()
        if section is None or not section.path.startswith(home.path):
            raise Http404
        rows = _public_live(site).filter(path__startswith=section.path, depth__gt=section.depth)
    start = (part.number - 1) * PART_SIZE
    rows = rows.order_by("path").values_list(
        "url_path", F("last_published_at"), F("latest_revision_created_at")
    )
    return rows[start : start + PART_SIZE]


def _base_url(site) -> str:
    serve_root = reverse("wagtail_serve", args=("",))
    return site.root_url.rstrip("/") + serve_root if site.root_url else serve_root


def _url(base: str, root_url_path: str, url_path: str) -> str:
    return base + quote(url_path[len(root_url_path) :], safe=_SAFE_IN_PATH)


def _lastmod(value: dt.datetime | None) -> str:
    return f"<lastmod>{value.date().isoformat()}</lastmod>" if value else ""


def _site(request):
    """The request's site with its home page (a copy: the in-memory state is shared)."""
    site = sitestate.for_request(request).site_for_request()
    if site is None:
        raise Http404
    return site


def _cached(key: str, build, *, shared: bool = True) -> HttpResponse:
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, CACHE_SECONDS)
    response = HttpResponse(body, content_type=XML)
    if not shared:
        # The parts come and go with the sections, so the front cache could not be told
        # which to purge: they are served from this cache instead (a lookup, no query).
        patch_cache_control(response, no_cache=True)
    return response


def index(request):
    site = _site(request)

    def build() -> bytes:
        origin = site.root_url.rstrip("/")
        lines = [
            f"<sitemap><loc>{escape(origin + part.path)}</loc></sitemap>" for part in parts(site)
        ]
        return _document("sitemapindex", lines)

    return _cached(sitecache.key(site.pk, "sitemap-index"), build)


def part(request, section: int, number: int):
    site = _site(request)
    wanted = Part(section, number)
    if wanted not in parts(site):
        raise Http404

    def build() -> bytes:
        base = _base_url(site)
        root_url_path = site.root_page.url_path
        lines = [
            f"<url><loc>{escape(_url(base, root_url_path, url_path))}</loc>"
            f"{_lastmod(published or revised)}</url>"
            for url_path, published, revised in _entries(site, wanted)
        ]
        return _document("urlset", lines)

    return _cached(sitecache.key(site.pk, "sitemap", section, number), build, shared=False)


def _document(root: str, lines: list[str]) -> bytes:
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{namespace}">\n'
    return (head + "\n".join(lines) + f"\n</{root}>\n").encode()
