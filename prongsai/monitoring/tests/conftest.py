import datetime as dt
import zoneinfo

import pytest

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BANGKOK)


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


@pytest.fixture
def make_news(news_index, unit):
    def _make(title="ข่าวทดสอบ", *, publish=True, **fields):
        fields.setdefault("slug", f"news-{m.NewsPage.objects.count() + 1}")
        return add_page(
            news_index, m.NewsPage, title=title, publish=publish, **metadata(unit), **fields
        )

    return _make


@pytest.fixture
def loopback_allowed(settings):
    """The test-only allowlist (ADR 0250): our stand-in websites live on 127.0.0.1, which the
    outbound guard refuses in every real configuration."""
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]
