"""The indexes the public pages need at 50,000 items exist and the queries use them (issue 21).

The plans are asked of the database itself. On a table of a few rows a planner prefers any
other path whatever the indexes, so each plan is asked for the indexed part of the query alone
(PostgreSQL also told not to scan sequentially, for the test's own transaction), and the full
query is checked to filter or sort on the same columns.
"""

import pytest
from django.db import connection

from prongsai.core.pagequeries import exclude_private
from prongsai.sitepages import models as m
from prongsai.sitepages.models.news import NEWS_ORDER
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

URL_PATH_INDEX = "prongsai_page_url_path_idx"
NEWS_INDEX = "news_published_idx"


@pytest.fixture
def news(home_page, unit):
    index = add_page(home_page, m.NewsIndexPage, slug="news")
    for i in range(30):
        add_page(index, m.NewsPage, slug=f"n{i}", **metadata(unit))
    return index


def _plan(queryset) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def _indexes(table) -> dict:
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return {name: info["columns"] for name, info in found.items() if info["index"]}


def test_the_page_table_has_a_url_path_index_and_the_news_table_a_date_index():
    assert _indexes("wagtailcore_page")[URL_PATH_INDEX] == ["url_path"]
    assert _indexes(m.NewsPage._meta.db_table)[NEWS_INDEX] == ["published_date", "page_ptr_id"]


def test_routing_finds_the_pages_on_a_url_by_the_url_path_index(news):
    from wagtail.models import Page

    url_paths = ["/home/news/", "/home/news/n3/"]
    routing = Page.objects.filter(url_path__in=url_paths, path__startswith=news.path[:4])
    assert "url_path" in str(routing.query).split("WHERE")[1]
    assert URL_PATH_INDEX in _plan(Page.objects.filter(url_path__in=url_paths))


def test_the_news_listing_reads_the_publication_date_index(news):
    queryset = exclude_private(m.NewsPage.objects.child_of(news).live()).order_by(*NEWS_ORDER)
    table = connection.ops.quote_name(m.NewsPage._meta.db_table)
    sql = str(queryset[:20].query)
    # Sorted on the news table alone, in the index's order (no second table to sort by).
    assert sql.split("ORDER BY")[1].split("LIMIT")[0].strip() == (
        f'{table}."published_date" DESC, {table}."page_ptr_id" DESC'
    )
    assert NEWS_INDEX in _plan(m.NewsPage.objects.order_by(*NEWS_ORDER)[:20])
