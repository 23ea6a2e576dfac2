"""A page is searchable when its publication commits, with or without the task worker (ADR 0223)."""

import pytest
from django.db import transaction
from django.urls import reverse

from prongsai.core.dailycheck import registered_checks
from prongsai.search import dailychecks
from prongsai.search.selectors import candidates, objects_missing_from_the_index
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued for a worker that never runs here."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend.results


@pytest.fixture
def news_index(home_page):
    return add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


def test_published_page_is_found_once_the_publish_commits_without_a_worker(
    news_index, unit, queued_tasks
):
    page = add_page(
        news_index, m.NewsPage, title="ประกาศรับสมัครอาสาสมัครดับเพลิง", slug="fire", **metadata(unit)
    )
    assert [c.pk for c in candidates("อาสาสมัครดับเพลิง")] == [page.pk]
    # Indexing is not queued for the worker (only document text extraction is).
    queued = [result.task.name for result in queued_tasks]
    assert "insert_or_update_object_task" not in queued


def test_a_publish_that_rolls_back_leaves_nothing_in_the_index(news_index, unit):
    with pytest.raises(RuntimeError), transaction.atomic():
        add_page(news_index, m.NewsPage, title="ประกาศที่ยกเลิกแล้ว", slug="gone", **metadata(unit))
        raise RuntimeError("the publish failed")
    assert candidates("ประกาศที่ยกเลิกแล้ว") == []


def test_daily_check_warns_when_live_pages_are_missing_from_the_index(news_index, unit):
    page = add_page(news_index, m.NewsPage, title="ข่าวทดสอบดัชนี", slug="idx", **metadata(unit))
    from modelsearch.index import remove_object

    assert objects_missing_from_the_index() == {"pages": 0, "documents": 0}
    assert dailychecks.index_behind(today=None) == []
    remove_object(page)
    assert objects_missing_from_the_index()["pages"] == 1
    findings = dailychecks.index_behind(today=None)
    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert "1 หน้า" in findings[0].summary
    assert "search-index-behind" in {check.key for check in registered_checks()}
    assert reverse("search_admin:documents")  # the search reports stay reachable
