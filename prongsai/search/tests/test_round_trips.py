"""A search costs few round trips to the database: issue 18's latency target (p95 < 50 ms at
100,000 pages on PostgreSQL, bench/search_latency.py) is spent mostly waiting for them on a
loaded server (ADR 0320)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.search import ranking, services
from prongsai.search.models import SearchQueryStat
from prongsai.search.selectors import candidates
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

TRANSACTION_COMMANDS = ("BEGIN", "SAVEPOINT", "SET ", "ROLLBACK", "RELEASE", "COMMIT")


@pytest.fixture
def truck(home_page, unit):
    news_index = add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    return add_page(news_index, m.NewsPage, title="จัดซื้อรถขยะอัดท้าย", slug="truck", **metadata(unit))


def test_issue18_a_query_some_of_whose_words_match_finds_them_and_says_so(truck):
    found = candidates("รถขยะ ยานอวกาศ")
    assert [(c.kind, c.pk) for c in found] == [("page", truck.pk)]
    assert found.all_words is False
    found = candidates("รถขยะ อัดท้าย")
    assert [(c.kind, c.pk) for c in found] == [("page", truck.pk)]
    assert found.all_words is True


def test_issue18_search_ranks_in_one_round_trip_with_titles_on_postgresql(truck):
    with CaptureQueriesContext(connection) as captured:
        found = candidates("รถขยะ ยานอวกาศ")  # nothing has both words: the any-word pass runs
    statements = [query["sql"] for query in captured.captured_queries]
    assert found[0].title == truck.title
    if connection.vendor == "postgresql":
        # Both passes, the planner settings and the titles of the ordering: one statement
        # (plus Wagtail's view restrictions and the private collections, read before it).
        assert [sql for sql in statements if ranking.RUNNER in sql] == [statements[-1]]
        assert not [sql for sql in statements if sql.startswith(TRANSACTION_COMMANDS)]
        assert len(statements) == 3
    else:  # Wagtail's FTS5 path: each pass searches pages, documents and questions
        assert not [sql for sql in statements if ranking.RUNNER in sql]


def test_issue18_a_search_is_counted_in_one_statement(db):
    services.record_search("รถขยะ", found=True)
    with CaptureQueriesContext(connection) as captured:
        services.record_search(" รถขยะ ", found=False)
    assert len(captured.captured_queries) == 1
    stat = SearchQueryStat.objects.get()
    assert (stat.query, stat.searches, stat.searches_without_results) == ("รถขยะ", 2, 1)
