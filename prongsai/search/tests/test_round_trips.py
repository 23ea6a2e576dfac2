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
    else:
        # ADR 0340: one statement per pass, the full-text match evaluated once in it for every
        # kind (Wagtail's backend ran one statement per kind and pass — six here — each
        # matching once more per matching row for its score). Failed before the change.
        matching = [sql for sql in statements if " MATCH " in sql]
        assert len(matching) == 2, matching
        assert all(sql.count(" MATCH ") == 1 for sql in matching)


def test_issue20_visibility_rules_kept_per_stamp_still_end_a_window_on_time(truck, home_page):
    """The compiled visibility is kept per stamp (ADR 0340) with the present time filled in at
    each search: a page whose window ends is gone at that minute though nothing changed the
    stamp (R30)."""
    import datetime as dt

    import time_machine

    from prongsai.search import ranking_sqlite

    site = home_page.get_site()
    stamp = ("generation", "index")
    end = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    truck.expire_at = end
    truck.save(update_fields=["expire_at"])
    with time_machine.travel(end - dt.timedelta(minutes=1), tick=False):
        assert [c.pk for c in candidates("รถขยะ", site=site, stamp=stamp)] == [truck.pk]
    after_end = time_machine.travel(end + dt.timedelta(seconds=1), tick=False)
    with CaptureQueriesContext(connection) as captured, after_end:
        assert list(candidates("รถขยะ", site=site, stamp=stamp)) == []
    if ranking_sqlite.available():
        # Kept: Wagtail's view restrictions and the private collections are not read again.
        assert not [q for q in captured if "viewrestriction" in q["sql"].lower()]


def test_issue18_a_search_is_counted_in_one_statement(db):
    services.record_search("รถขยะ", found=True)
    with CaptureQueriesContext(connection) as captured:
        services.record_search(" รถขยะ ", found=False)
    assert len(captured.captured_queries) == 1
    stat = SearchQueryStat.objects.get()
    assert (stat.query, stat.searches, stat.searches_without_results) == ("รถขยะ", 2, 1)
