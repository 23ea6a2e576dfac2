"""R32: the link check reads each page type in one query, whatever the number of pages.

At 50,000 news items the check issued one query per page (every page loaded as its
specific class, Wagtail's comments walked for each): 50,245 queries, 33 s (issue 21).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.monitoring import linkcheck
from prongsai.monitoring.models import LinkCheckResult
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


def _queries_of_a_check() -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        linkcheck.run_link_check(external=False)
    return [query["sql"] for query in queries]


def _news(index, unit, n):
    target = "/news/missing/" if n == 0 else "/news/"  # one broken link, the rest fine
    body = [("paragraph", f'<p><a href="{target}">ลิงก์</a> <a href="/news/n{n}/">ตัวเอง</a></p>')]
    return add_page(index, m.NewsPage, slug=f"n{n}", body=body, **metadata(unit))


def test_r32_link_check_queries_do_not_grow_with_the_pages(home_page, unit):
    index = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    for n in range(3):
        _news(index, unit, n)
    _queries_of_a_check()  # content types are cached once per process
    few = _queries_of_a_check()
    assert LinkCheckResult.objects.get().target == "/news/missing/"
    for n in range(3, 15):
        _news(index, unit, n)
    many = _queries_of_a_check()
    assert LinkCheckResult.objects.get().target == "/news/missing/"
    assert len(many) == len(few)
    assert not any("wagtailcore_comment" in sql for sql in many)
    news_reads = [sql for sql in many if 'FROM "sitepages_newspage"' in sql]
    assert len(news_reads) == 1 and '"introduction"' not in news_reads[0]  # link fields only
