"""The public OIT page is cached per site + catalogue, and content changes still show (R34)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prongsai.compliance.models import CatalogueItem
from prongsai.compliance.services import link_evidence
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

from .conftest import stored

URL = "/oit/small-test/"


def html(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_second_visit_reuses_the_computation(client, small_catalogue, small_site):
    with CaptureQueriesContext(connection) as first:
        html(client)
    with CaptureQueriesContext(connection) as second:
        html(client)
    assert len(second) < len(first) - 5, (len(first), len(second))


@pytest.mark.django_db
def test_r34_published_and_unpublished_pages_show_up_at_once(
    client, small_catalogue, small_site, unit
):
    assert "แผนปฏิบัติการป้องกันการทุจริต 2569" not in html(client)
    plan = add_page(
        small_site["about"],
        m.AgencyInfoPage,
        title="แผนปฏิบัติการป้องกันการทุจริต 2569",
        slug="anti-corruption-plan",
        topic="other",
        **metadata(unit),
    )
    assert 'href="/about/anti-corruption-plan/"' in html(client)
    plan.unpublish()
    assert 'href="/about/anti-corruption-plan/"' not in html(client)


@pytest.mark.django_db
def test_r34_saved_and_deleted_documents_show_up_at_once(client, small_catalogue, small_site, unit):
    assert "คู่มือป้องกันการทุจริต" not in html(client)
    document = m.AgencyDocument(
        title="คู่มือป้องกันการทุจริต", file=stored("documents/guide.pdf"), **metadata(unit)
    )
    document.save()
    assert "คู่มือป้องกันการทุจริต" in html(client)
    document.title = "คู่มือปฏิบัติงาน"  # no longer matches the keyword rule of A6
    document.save()
    assert "คู่มือป้องกันการทุจริต" not in html(client)
    stats = small_site["stats"]
    assert "สถิติเรื่องร้องเรียน ต.ค. 2568" in html(client)
    stats.delete()
    assert "สถิติเรื่องร้องเรียน ต.ค. 2568" not in html(client)


@pytest.mark.django_db
def test_r34_evidence_links_and_retagged_documents_show_up_at_once(
    client, small_catalogue, small_site, site, unit
):
    page = add_page(
        small_site["about"], m.AgencyInfoPage, title="แผนงาน", slug="plan", **metadata(unit)
    )
    assert 'href="/about/plan/"' not in html(client)
    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A6")
    link_evidence(user=None, item=item, site=site, page=page)
    assert 'href="/about/plan/"' in html(client)
    small_site["stats"].tags.clear()
    assert "สถิติเรื่องร้องเรียน ต.ค. 2568" not in html(client)


@pytest.mark.django_db
def test_unsignalled_changes_show_after_the_cache_lifetime(
    client, small_catalogue, small_site, settings
):
    settings.PRONGSAI_OIT_CACHE_SECONDS = 60
    start = dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        assert "โครงสร้างองค์กร" in html(client)
        # A bulk update sends no signal: the cached page is still served …
        m.AgencyInfoPage.objects.filter(slug="structure").update(title="ผังองค์กร")
        assert "ผังองค์กร" not in html(client)
    with time_machine.travel(start + dt.timedelta(seconds=61), tick=False):
        assert "ผังองค์กร" in html(client)  # … until the lifetime ends


@pytest.mark.django_db
def test_cache_can_be_turned_off(client, small_catalogue, small_site, settings):
    settings.PRONGSAI_OIT_CACHE_SECONDS = 0
    html(client)
    m.AgencyInfoPage.objects.filter(slug="structure").update(title="ผังองค์กร")
    assert "ผังองค์กร" in html(client)
