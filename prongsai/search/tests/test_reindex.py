"""thai_reindex rebuilds the index in batches (after a tokenizer or dictionary change)."""

import io

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from prongsai.search.selectors import candidates
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


def test_thai_reindex_rebuilds_a_wiped_index_with_a_progress_bar(home_page, unit):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    page = add_page(
        news, m.NewsPage, title="ประกาศจ้างเหมาบริการทำความสะอาด", slug="n", **metadata(unit)
    )
    IndexEntry.objects.all().delete()
    assert candidates("ทำความสะอาด") == []
    out = io.StringIO()
    call_command("thai_reindex", "--batch-size", "1", stdout=out)
    assert ("page", page.pk) in [(c.kind, c.pk) for c in candidates("ทำความสะอาด")]
    assert "[##############################]" in out.getvalue()
    assert "รายการ/วินาที" in out.getvalue()
