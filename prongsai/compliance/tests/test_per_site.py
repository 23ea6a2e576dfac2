"""With several sites in one install, each site's evidence check reads its own documents and a
change of one site's evidence forgets only that site's cached OIT reports (issue 21 item 3,
ADR 0292)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, Page, Site

from prongsai.compliance import cache as oit_cache
from prongsai.compliance.evidence import SiteContent, site_documents, sites_of_document
from prongsai.compliance.selectors import catalogue_completeness
from prongsai.core.models import AgencySettings
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

from .conftest import stored

pytestmark = pytest.mark.django_db


def _document(unit, title, collection):
    document = m.AgencyDocument(
        title=title,
        file=stored("documents/complaints-h1.xlsx"),
        collection=collection,
        **metadata(unit, info_period_start=dt.date(2025, 10, 1)),
    )
    document.save()
    document.tags.add("สถิติเรื่องร้องเรียน")
    return document


@pytest.fixture
def sites(home_page, unit):
    root = Collection.get_first_root_node()
    collection_a = root.add_child(name="เอกสารเว็บไซต์ ก")
    collection_b = root.add_child(name="เอกสารเว็บไซต์ ข")
    site_a = Site.objects.get(is_default_site=True)
    home_b = add_page(Page.get_first_root_node(), m.HomePage, title="เว็บไซต์ ข", slug="site-b")
    site_b = Site.objects.create(hostname="b.example", port=80, root_page=home_b)
    site_c = Site.objects.create(
        hostname="c.example",
        port=80,
        root_page=add_page(Page.get_first_root_node(), m.HomePage, title="ค", slug="site-c"),
    )
    for site, collection in ((site_a, collection_a), (site_b, collection_b)):
        agency = AgencySettings.for_site(site)
        agency.document_collection = collection
        agency.save()
    return {
        "a": site_a,
        "b": site_b,
        "c": site_c,
        "doc_a": _document(unit, "สถิติเรื่องร้องเรียนของ ก", collection_a.add_child(name="ย่อย")),
        "doc_b": _document(unit, "สถิติเรื่องร้องเรียนของ ข", collection_b),
        "doc_shared": _document(unit, "สถิติเรื่องร้องเรียนกลาง", root),
    }


def test_r34_each_site_loads_only_its_own_documents(sites):
    content_a = SiteContent(sites["a"])
    assert set(content_a.documents) == {sites["doc_a"].pk}  # its collection, below included
    assert set(SiteContent(sites["b"]).documents) == {sites["doc_b"].pk}
    # A site without a collection: every document outside the other sites' collections.
    assert set(SiteContent(sites["c"]).documents) == {sites["doc_shared"].pk}
    tagged = content_a.documents_by_tag["สถิติเรื่องร้องเรียน"]
    assert tagged == [sites["doc_a"].pk]


def test_r34_the_document_query_filters_on_the_sites_collection(sites):
    with CaptureQueriesContext(connection) as queries:
        list(site_documents(sites["a"], m.AgencyDocument.objects.all()))
    document_reads = [q["sql"] for q in queries if "sitepages_agencydocument" in q["sql"]]
    assert len(document_reads) == 1 and "wagtailcore_collection" in document_reads[0]


def test_r34_without_chosen_collections_every_site_sees_every_document(home_page, unit):
    root = Collection.get_first_root_node()
    document = _document(unit, "สถิติเรื่องร้องเรียน", root)
    site = Site.objects.get(is_default_site=True)
    assert document.pk in SiteContent(site).documents
    assert sites_of_document(document) is None


def test_r34_a_document_change_forgets_only_its_sites_reports(sites, small_catalogue):
    today = dt.date(2026, 5, 1)
    tokens = {key: oit_cache._generation(sites[key].pk) for key in ("a", "b", "c")}
    report_b = oit_cache.cached_completeness(small_catalogue, sites["b"], today)
    sites["doc_a"].title = "สถิติเรื่องร้องเรียนของ ก (แก้ไข)"
    sites["doc_a"].save()
    assert oit_cache._generation(sites["a"].pk) != tokens["a"]
    assert oit_cache._generation(sites["b"].pk) == tokens["b"]
    assert oit_cache._generation(sites["c"].pk) == tokens["c"]
    with CaptureQueriesContext(connection) as queries:
        again = oit_cache.cached_completeness(small_catalogue, sites["b"], today)
    assert len(queries) == 0 and again.score == report_b.score
    sites["doc_shared"].save()  # in no site's collection: site c's
    assert oit_cache._generation(sites["c"].pk) != tokens["c"]
    assert oit_cache._generation(sites["b"].pk) == tokens["b"]


def test_r34_the_completeness_of_site_b_counts_only_its_documents(sites, small_catalogue):
    report = catalogue_completeness(small_catalogue, sites["b"], dt.date(2026, 5, 1))
    a4 = next(r for r in report.results if r.item.code == "A4")
    assert [e.pk for e in a4.evidence] == [sites["doc_b"].pk]
