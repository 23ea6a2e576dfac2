import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from wagtail.models import Site

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, build_site, metadata

BANGKOK = dt.timezone(dt.timedelta(hours=7))


def at(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BANGKOK)


class PurgeServer:
    """A real HTTP server standing in for nginx's purge port: records (host, path) of each
    PURGE, or refuses them all (``failing``) like a missing cache-purge module."""

    def __init__(self):
        self.purged: list[tuple[str, str]] = []
        self.failing = False
        self.refuse_next = 0  # refuse only this many requests, then purge again
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 - the HTTP method's name
                if owner.failing is True or owner.refuse_next > 0:
                    owner.refuse_next -= 1
                    self.send_response(405)
                else:
                    owner.purged.append((self.headers["Host"], self.path))
                    self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def location(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def paths(self) -> set[str]:
        return {path for _host, path in self.purged}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def purge_server(settings, tmp_path):
    server = PurgeServer()
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "prongsai.frontcache.backends.NginxPurgeBackend",
            "LOCATION": server.location,
        }
    }
    settings.PRONGSAI_FRONT_CACHE_STATE_DIR = tmp_path / "frontcache"
    yield server
    server.close()


@pytest.fixture
def tree(db):
    """home → news (in the menu) → two news items; home → laws (in the menu) → a law."""
    cache.clear()
    home = build_site(hostname="www.example.go.th")
    Site.objects.update(port=443)
    news = add_page(home, m.NewsIndexPage, title="ข่าว", slug="news", show_in_menus=True)
    laws = add_page(home, m.LawIndexPage, title="กฎหมาย", slug="laws", show_in_menus=True)
    items = {
        "home": home,
        "news": news,
        "laws": laws,
        "first": add_page(news, m.NewsPage, title="ข่าวแรก", slug="first", **metadata()),
        "second": add_page(news, m.NewsPage, title="ข่าวสอง", slug="second", **metadata()),
        "law": add_page(laws, m.LawPage, title="พ.ร.บ.", slug="act", law_kind="act", **metadata()),
    }
    return items
