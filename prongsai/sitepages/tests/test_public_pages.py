"""The public pages: errors in Thai, sitemap and RSS, downloads with type and size (R12),
the footer notice (R14) and Buddhist-era dates."""

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata, whole_sitemap

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_a_friendly_thai_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "ไม่พบหน้าที่ท่านต้องการ" in html
    assert 'href="/"' in html  # a way back home
    assert 'id="main-content"' in html


def test_unpublished_page_is_not_found(client, home_page):
    news = add_page(home_page, m.NewsIndexPage, slug="news")
    add_page(news, m.NewsPage, slug="draft", publish=False, live=False, **metadata())
    assert client.get("/news/draft/").status_code == 404


def test_server_error_shows_a_thai_500_page_without_traceback(client, home_page, monkeypatch):
    def broken_context(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    # Fault injection: the home page fails while rendering, as a real bug would.
    monkeypatch.setattr(m.HomePage, "get_context", broken_context)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in html
    assert "Traceback" not in html and "hunter2" not in html and "RuntimeError" not in html


def _news_site(home_page, **fields):
    news = add_page(home_page, m.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    item = add_page(
        news,
        m.NewsPage,
        title="รณรงค์ป้องกันไข้เลือดออก",
        slug="dengue",
        introduction="ร่วมกำจัดลูกน้ำยุงลาย",
        **metadata(published_date=dt.date(2026, 11, 21), **fields),
    )
    return news, item


def test_sitemap_xml_lists_published_pages(client, home_page):
    _news_site(home_page)
    assert client.get("/sitemap.xml").status_code == 200
    assert "/news/dengue/</loc>" in whole_sitemap(client)


def test_rss_feed_lists_news(client, home_page):
    _news_site(home_page)
    response = client.get("/feeds/news/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "รณรงค์ป้องกันไข้เลือดออก" in body and "/news/dengue/" in body


def test_sitemap_page_lists_sections_and_their_pages(client, home_page):
    _news_site(home_page)
    add_page(home_page, m.SitemapPage, title="แผนผังเว็บไซต์", slug="sitemap")
    html = client.get("/sitemap/").content.decode()
    assert 'href="/news/"' in html and 'href="/news/dengue/"' in html


def test_r12_page_shows_its_metadata_with_buddhist_era_dates(client, home_page, unit):
    _news_site(home_page, unit=unit, info_period_start=dt.date(2026, 10, 1))
    html = client.get("/news/dengue/").content.decode()
    assert "กลุ่มงานทดสอบ" in html  # owner unit
    assert "แหล่งที่มา" in html
    assert "1 ตุลาคม 2569" in html  # the period the information covers
    assert "21 พฤศจิกายน 2569" in html  # publication date in the Buddhist era


def test_r12_download_link_shows_file_type_and_readable_size(client, home_page, unit):
    document = m.AgencyDocument(title="ประกาศผลการจัดซื้อ", **metadata(unit))
    document.file.save("result.pdf", ContentFile(b"%PDF" + b"x" * 2044), save=False)
    document.file_size = 2048
    document.save()
    news = add_page(home_page, m.NewsIndexPage, slug="news")
    add_page(
        news,
        m.NewsPage,
        slug="result",
        attachments=[{"type": "document", "value": document.pk}],
        **metadata(unit),
    )
    html = client.get("/news/result/").content.decode()
    assert re.search(r"ประกาศผลการจัดซื้อ</a>\s*<span class=\"file-info\">\(PDF, 2\.0 KB\)", html)


def test_r14_footer_names_supported_browsers_and_document_reader(client, home_page):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    assert "เว็บไซต์นี้แสดงผลได้ดีกับ" in footer
    assert "Chrome 109" in footer and "Firefox 115" in footer
    assert "Adobe Acrobat Reader" in footer
    assert re.search(r"ปรับปรุงข้อมูลล่าสุด \d{1,2} \S+ 25\d\d", footer)


def test_page_has_skip_link_landmarks_and_breadcrumbs(client, home_page):
    _news_site(home_page)
    html = client.get("/news/dengue/").content.decode()
    assert 'class="skip-link" href="#main-content"' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert 'href="/news/"' in crumbs and "รณรงค์ป้องกันไข้เลือดออก" in crumbs
