"""thai_reindex writes only entries whose text changed (issue 21 item 2, ADR 0290).

Rewriting every row left as many dead rows as live ones on PostgreSQL; a second reindex of
unchanged pages must write nothing to Wagtail's index table, on SQLite and on PostgreSQL.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search.models import IndexEntry

from prongsai.search.indexing import reindex_all
from prongsai.search.models import IndexDigest
from prongsai.search.selectors import candidates
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db

TABLE = IndexEntry._meta.db_table


def _rows_written() -> int:
    """Rows inserted, updated or deleted so far: in the index and digest tables by this
    transaction on PostgreSQL (a dead row each), in any table by this connection on SQLite."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return connection.connection.total_changes
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            " FROM pg_stat_xact_user_tables WHERE relname IN (%s, %s)",
            [TABLE, IndexDigest._meta.db_table],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def news_pages(home_page, unit):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    return [
        add_page(
            news, m.NewsPage, title=f"ประกาศรับสมัครงาน ครั้งที่ {n}", slug=f"n{n}", **metadata(unit)
        )
        for n in range(5)
    ]


def test_r_search_a_second_reindex_of_unchanged_pages_writes_nothing(news_pages):
    first = reindex_all()
    assert first["written"] > 0
    before = _rows_written()
    second = reindex_all()
    assert second["written"] == 0
    assert second["items"] == first["items"]
    assert _rows_written() == before
    assert ("page", news_pages[0].pk) in [(c.kind, c.pk) for c in candidates("รับสมัครงาน")]


def test_r_search_reindex_rewrites_only_the_page_whose_text_changed(news_pages):
    reindex_all()
    m.NewsPage.objects.filter(pk=news_pages[2].pk).update(title="ประกาศผลการจัดซื้อเครื่องพิมพ์")
    result = reindex_all()
    assert result["written"] == 1
    assert ("page", news_pages[2].pk) in [(c.kind, c.pk) for c in candidates("เครื่องพิมพ์")]


def test_r_search_an_entry_deleted_behind_the_digest_is_written_again(news_pages):
    reindex_all()
    IndexEntry.objects.filter(object_id=str(news_pages[1].pk)).delete()
    assert ("page", news_pages[1].pk) not in [(c.kind, c.pk) for c in candidates("ครั้งที่ 1")]
    result = reindex_all()
    assert result["written"] == 1
    assert IndexEntry.objects.filter(object_id=str(news_pages[1].pk)).exists()


def test_r_search_digests_of_deleted_pages_are_forgotten(news_pages):
    reindex_all()
    news_pages[4].delete()
    call_command("thai_reindex", verbosity=0)
    assert not IndexDigest.objects.filter(object_id=str(news_pages[4].pk)).exists()
    assert not IndexEntry.objects.filter(object_id=str(news_pages[4].pk)).exists()
