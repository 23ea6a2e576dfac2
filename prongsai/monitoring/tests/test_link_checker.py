"""R32: the link checker — internal links from the database, external links politely fetched."""

import time

import pytest
from django.core.files.base import ContentFile

from prongsai.monitoring import linkcheck
from prongsai.monitoring.models import LinkCheckResult
from prongsai.sitepages import models as m
from prongsai.sitepages.models import AgencyDocument
from prongsai.sitepages.tests.factories import add_page, metadata

from .httpservers import answering_server, silent_server

pytestmark = pytest.mark.django_db


def test_r32_external_links_ok_404_and_head_refused(loopback_allowed):
    with answering_server() as (server, base):
        results = linkcheck.check_external_urls(
            [f"{base}/fine", f"{base}/missing", f"{base}/no-head", f"{base}/fine"],
            timeout=2,
            concurrency=4,
            host_delay=0,
        )
    assert results[f"{base}/fine"] == (True, "200")
    assert results[f"{base}/missing"][0] is False and "404" in results[f"{base}/missing"][1]
    assert results[f"{base}/no-head"] == (True, "200")  # retried with GET
    assert server.requests.count(("HEAD", "/fine")) == 1  # each URL is fetched once


def test_r32_host_that_never_answers_is_marked_failed_in_bounded_time(loopback_allowed):
    with silent_server() as dead, answering_server() as (_, alive):
        urls = [f"{dead}/page-{n}" for n in range(6)] + [f"{alive}/fine"]
        started = time.monotonic()
        results = linkcheck.check_external_urls(urls, timeout=0.5, concurrency=2, host_delay=0)
        elapsed = time.monotonic() - started
    # Two timeouts, then the rest of the dead host is skipped: never 6 × timeout, never a hang.
    assert elapsed < 3
    assert all(results[f"{dead}/page-{n}"][0] is False for n in range(6))
    assert "หมดเวลา" in results[f"{dead}/page-0"][1]
    assert "ไม่ตอบสนอง" in results[f"{dead}/page-5"][1]
    assert results[f"{alive}/fine"] == (True, "200")


def test_r32_politeness_one_request_at_a_time_with_a_pause_per_host(loopback_allowed):
    with answering_server() as (server, base):
        started = time.monotonic()
        linkcheck.check_external_urls(
            [f"{base}/a", f"{base}/b", f"{base}/c"], timeout=2, concurrency=8, host_delay=0.2
        )
        assert time.monotonic() - started >= 0.4
    assert len(server.requests) == 3


def _rich(html):
    return [{"type": "paragraph", "value": html}]


def test_r32_broken_internal_links_and_missing_documents_are_found(
    home_page, unit, loopback_allowed
):
    index = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    target = add_page(index, m.NewsPage, title="ปลายทาง", slug="target", **metadata(unit))
    document = AgencyDocument(title="แบบฟอร์ม", **metadata(unit))
    document.file.save("form.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    gone_document_id = document.pk + 1000
    with answering_server() as (_, base):
        source = add_page(
            index,
            m.NewsPage,
            title="ต้นทาง",
            slug="source",
            body=_rich(
                f'<p><a linktype="page" id="{target.pk}">ok</a>'
                f' <a linktype="page" id="999999">หน้าที่ถูกลบ</a>'
                f' <a linktype="document" id="{document.pk}">ok</a>'
                f' <a linktype="document" id="{gone_document_id}">เอกสารที่ถูกลบ</a>'
                f' <a href="/news/target/">ok</a> <a href="/news/no-such/">เสีย</a>'
                f' <a href="{base}/fine">ok</a> <a href="{base}/missing">เสีย</a>'
                f' <a href="mailto:saraban@example.go.th">mail</a></p>'
            ),
            attachments=[{"type": "document", "value": gone_document_id + 1}],
            **metadata(unit),
        )
        counts = linkcheck.run_link_check(timeout=2, concurrency=2, host_delay=0)
    failures = {(r.kind, r.target) for r in LinkCheckResult.objects.filter(page=source)}
    assert failures == {
        ("internal", "page:999999"),
        ("document", f"document:{gone_document_id}"),
        ("document", f"document:{gone_document_id + 1}"),
        ("internal", "/news/no-such/"),
        ("external", f"{base}/missing"),
    }
    assert counts["failures"] == 5 and counts["external_checked"] == 2


def test_r32_internal_only_run_keeps_the_last_external_results(home_page, unit):
    index = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    page = add_page(index, m.NewsPage, title="ต้นทาง", slug="s", **metadata(unit))
    LinkCheckResult.objects.create(
        page=page, kind="external", target="https://x.example/", ok=False, status="HTTP 500"
    )
    linkcheck.run_link_check(external=False)
    assert LinkCheckResult.objects.filter(kind="external").count() == 1


def test_r32_links_in_inline_child_rows_are_checked(home_page, unit):
    links = add_page(home_page, m.LinkIndexPage, title="เว็บลิงก์", slug="links")
    collection = m.LinkCollectionPage(title="หน่วยงาน", slug="agencies", **metadata(unit))
    collection.links.add(
        m.WebLink(title="เสีย", url="http://localhost/no-such-page/", kind="own-system")
    )
    links.add_child(instance=collection)
    collection.save_revision().publish()
    linkcheck.run_link_check(external=False)
    assert LinkCheckResult.objects.get().target == "http://localhost/no-such-page/"


def test_asvs_13_2_5_link_to_an_internal_address_is_not_fetched_and_reported_as_such(
    home_page, unit
):
    """R32, ADR 0250: a page linking to a server on our own loopback (no allowlist) is not
    requested; the result says so in Thai and is not counted among the broken links."""
    from prongsai.monitoring.dailychecks import external_links, internal_address_links

    index = add_page(home_page, m.NewsIndexPage, title="ข่าว", slug="news")
    with answering_server() as (server, base):
        source = add_page(
            index,
            m.NewsPage,
            title="ต้นทาง",
            slug="source",
            body=_rich(f'<p><a href="{base}/admin/">ภายใน</a></p>'),
            **metadata(unit),
        )
        linkcheck.run_link_check(timeout=2, concurrency=2, host_delay=0)
    assert server.requests == []
    result = LinkCheckResult.objects.get(page=source)
    assert result.refused and result.status == "ไม่ตรวจลิงก์ไปยังที่อยู่ภายใน"
    assert not linkcheck.broken_links().exists()
    assert list(linkcheck.refused_links()) == [result]
    assert external_links(today=None) == []
    [finding] = internal_address_links(today=None)
    assert base in finding.summary and finding.detail == "ไม่ตรวจลิงก์ไปยังที่อยู่ภายใน"
