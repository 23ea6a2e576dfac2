"""Issue 19 item 5: every absolute URL the public site emits is built from the site's configured
root URL, never from the host a request happened to arrive on, nor a development host.

The demo agency (``load_demo``) is given the address of its main domain,
``https://www.example.go.th`` (its content and the OIT export use that domain); the crawler
reaches it as ``localhost`` (what the application server sees when a proxy does not pass
the public host on, or a health check calls it). It starts at ``/`` and follows links, the
sitemap index and its parts, ``robots.txt``, the news feed and the OIT pages and exports, and
reads every absolute URL in them: those pointing at this site must use the configured root;
none may point at localhost, 127.0.0.1, testserver or example.com.
"""

import io
import re
from collections import Counter, deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from openpyxl import load_workbook
from wagtail.models import Site

from prongsai.compliance.models import Catalogue

HOST = "www.example.go.th"  # the demo agency's main domain (sitepages/demo.py)
ROOT = f"https://{HOST}"
REQUEST_HOST = "localhost"
#: Hosts that must never appear in what the public site emits.
WRONG_HOSTS = {
    "localhost",
    "127.0.0.1",
    "[::1]",
    "::1",
    "0.0.0.0",  # noqa: S104 (a host name to refuse, nothing binds to it)
    "testserver",
    "example.com",
}
#: Namespaces and schema identifiers: absolute URLs in XML that are not addresses.
NAMESPACES = ("http://www.sitemaps.org/", "http://www.w3.org/", "http://purl.org/")
#: Enough to reach every kind of public page the demo has, and stay fast.
MAX_PAGES = 120
#: Addresses of one path with different queries (a listing's kinds, the calendar's months):
#: the event calendar's previous/next-month links lead on without end (the crawl fetched every
#: month from 1950 to 2201, 3,014 of its 3,142 requests, 117 s of its 124 s); the demo's events
#: are all within a month of today, and the news listing has seven kinds.
MAX_QUERIES_PER_PATH = 12
SKIP_PREFIXES = ("/admin/", "/staff/", "/static/", "/media/", "/documents/", "/i18n/", "/search/")

ABSOLUTE = re.compile(r"""(?:https?:)?//[^\s"'<>()\\]+""")
LINK = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"']+)["']""")
LOC = re.compile(r"<loc>([^<]+)</loc>")


def _absolute_urls(text: str) -> list[str]:
    found = []
    for match in ABSOLUTE.finditer(text):
        url = match.group(0).rstrip(".,;")
        if url.startswith("//"):
            # A protocol-relative address is absolute too (and ties the page to one scheme).
            url = "https:" + url
        if not url.startswith(NAMESPACES):
            found.append(url)
    return found


def _own_path(url: str) -> str | None:
    """The path of a link into this site (relative, or absolute on its host), else None."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != HOST):
        return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith(SKIP_PREFIXES):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def demo_at_its_address(demo_database):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = HOST, 443
    site.save()
    return site


def _crawl(client) -> dict[str, list[str]]:
    """Each fetched address → the absolute URLs in its body."""
    seeds = ["/", "/robots.txt", "/sitemap.xml", "/feeds/news/", "/oit/"]
    for catalogue in Catalogue.objects.filter(is_active=True):
        seeds += [f"/oit/{catalogue.slug}/export.csv", f"/oit/{catalogue.slug}/export.xlsx"]
    queue, seen, emitted, pages = deque(seeds), set(seeds), {}, 0
    queries = Counter()
    while queue:
        path = queue.popleft()
        response = client.get(path)
        assert response.status_code in (200, 301, 302, 404, 410), (path, response.status_code)
        location = response.headers.get("Location", "")
        urls = _absolute_urls(location)
        content_type = response.headers.get("Content-Type", "")
        if "spreadsheetml" in content_type:
            book = load_workbook(io.BytesIO(response.content))
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.hyperlink is not None and cell.hyperlink.target:
                            urls.append(cell.hyperlink.target)
                        if isinstance(cell.value, str):
                            urls += _absolute_urls(cell.value)
            emitted[path] = urls
            continue
        text = response.content.decode("utf-8", "replace") if response.status_code == 200 else ""
        urls += _absolute_urls(text)
        emitted[path] = urls
        links = [location] if location else []
        if "html" in content_type:
            pages += 1
            links += LINK.findall(text)
        elif "xml" in content_type:
            links += LOC.findall(text) + re.findall(r"<link>([^<]+)</link>", text)
        for link in links:
            own = _own_path(urljoin(path, link.replace("&amp;", "&")))
            if own and own not in seen and (pages < MAX_PAGES or not own.endswith("/")):
                base, query, _rest = own.partition("?")
                if query and queries[base] >= MAX_QUERIES_PER_PATH:
                    continue
                queries[base] += bool(query)
                seen.add(own)
                queue.append(own)
    return emitted


def test_issue19_every_absolute_url_the_site_emits_uses_its_configured_root(demo_at_its_address):
    client = Client(HTTP_HOST=REQUEST_HOST)
    emitted = _crawl(client)

    wrong = sorted(
        f"{path} → {url}"
        for path, urls in emitted.items()
        for url in urls
        if (urlsplit(url).hostname or "") in WRONG_HOSTS
        or (urlsplit(url).hostname == HOST and not url.startswith(ROOT + "/") and url != ROOT)
    )
    assert not wrong, "\n".join(wrong[:40])

    # The machine-read lists name only this site's addresses, all under its root.
    for path in ("/robots.txt", "/sitemap.xml", "/feeds/news/"):
        assert emitted[path], path
    sitemap_urls = [
        url for path, urls in emitted.items() if path.startswith("/sitemap") for url in urls
    ]
    assert sitemap_urls and all(url.startswith(ROOT + "/") for url in sitemap_urls)
    assert f"Sitemap: {ROOT}/sitemap.xml" in client.get("/robots.txt").content.decode()
    feed = emitted["/feeds/news/"]
    assert all(url.startswith(ROOT) for url in feed), feed
    assert f"{ROOT}/feeds/news/" in feed  # its own address (atom:link rel="self")
    # Enough of the site was read for the check to mean something.
    assert len([p for p in emitted if p.endswith("/")]) >= 30
