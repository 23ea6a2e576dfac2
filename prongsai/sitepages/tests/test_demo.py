"""The demo agency: every category R1–R11 within two clicks of the home page; re-runnable."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page

from prongsai.core.categories import CATEGORIES
from prongsai.sitepages import models as m

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#?]*)"')


def _links(html):
    return set(HREF.findall(html))


def _nav_links(html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return _links(nav)


def test_r1_to_r11_every_category_has_content_reachable_within_two_clicks_of_home(client, demo):
    home_html = client.get("/").content.decode()
    first_click = _nav_links(home_html)
    reachable = set(first_click)
    for url in first_click:
        response = client.get(url)
        assert response.status_code == 200, url
        reachable |= _links(response.content.decode())

    root = demo.url_path.rstrip("/")
    pages = Page.objects.filter(url_path__in=[root + url for url in reachable]).specific()
    categories_found = {page.category_code for page in pages if getattr(page, "category_code", "")}
    assert {c.requirement for c in CATEGORIES.values()} == {f"R{n}" for n in range(1, 12)}
    assert set(CATEGORIES) <= categories_found, (
        f"not reachable: {set(CATEGORIES) - categories_found}"
    )

    # Each family has content, not only its section page (one test: the demo loads once).
    for model in (
        m.AgencyInfoPage,
        m.ExecutiveDirectoryPage,
        m.ContactPage,
        m.LawPage,
        m.KnowledgePage,
        m.LinkCollectionPage,
        m.OIAItemPage,
        m.OperationsManualPage,
        m.ServiceManualPage,
        m.NewsPage,
        m.EventPage,
        m.GalleryPage,
        m.EServicePage,
        m.StatisticsPage,
        m.CIOPage,
    ):
        assert model.objects.live().exists(), model.__name__
    assert set(m.NewsPage.objects.values_list("news_kind", flat=True)) == {
        kind for kind, _label in m.news.NewsKind.choices
    }
    _the_demo_publishes_what_a_real_agency_would(client)


def _the_demo_publishes_what_a_real_agency_would(client):
    """Issue 19 item 8 and R12: every item dated by the period it covers, the OIA items filled,
    procurement with its e-GP number, budget and documents, results after their notice."""
    import datetime as dt

    from prongsai.compliance.models import Catalogue
    from prongsai.compliance.selectors import Status, catalogue_completeness
    from prongsai.sitepages.oia_blocks import ITEM_KIND, is_complete

    # The history since B.E. 2517 is not "1 ตุลาคม 2569 – ปัจจุบัน" (failed before).
    history = m.AgencyInfoPage.objects.get(slug="history")
    assert history.info_period_start == dt.date(1974, 1, 1)
    assert "1 มกราคม 2517 – ปัจจุบัน" in client.get(history.url).content.decode()
    for model in (m.ContactPage, m.LinkCollectionPage):
        page = model.objects.get()
        assert page.owner_unit_id and page.source and page.info_period_start, model.__name__

    items = {page.oia_item: page for page in m.OIAItemPage.objects.live()}
    assert set(items) == set(ITEM_KIND)
    assert all(is_complete(code, page.details) for code, page in items.items())
    report = catalogue_completeness(
        Catalogue.objects.get(slug="oia-2540"), items["7(1)"].get_site()
    )
    # 9(6) had no page and was marked not applicable; the check now counts its contracts.
    status = {r.item.code: r.status for r in report.results}
    assert set(status.values()) == {Status.MET}, status
    contracts = client.get(items["9(6)"].url).content.decode()
    assert "บริษัท ไตดี เมดิคอล จำกัด" in contracts and "สสจ.ตย. 3/2568" in contracts
    assert "25 กันยายน 2568" in contracts and "60,000.00" in contracts
    contact = client.get(items["7(3)"].url).content.decode()
    assert "นางสาวสุภาพร ใจซื่อ" in contact and 'href="tel:074711071"' in contact

    notices = m.NewsPage.objects.filter(news_kind="procurement-notice")
    assert notices.count() >= 2
    for notice in notices:
        assert len(notice.egp_project_number) == 11 and notice.budget and notice.attachments
        result = m.NewsPage.objects.get(
            news_kind="procurement-result", egp_project_number=notice.egp_project_number
        )
        assert result.published_date > notice.published_date and result.winner
    job = m.NewsPage.objects.get(news_kind="job")
    assert any(block.value.filename.endswith(".docx") for block in job.attachments)
    procurement = client.get(items["9(8)"].url).content.decode()
    assert "69109123456" in procurement and "สขร.1" in procurement
    manual = client.get("/service-manuals/food-business-licence/").content.decode()
    assert "เอกสารหลักฐานที่ต้องใช้" in manual and "ช่องทางการร้องเรียน" in manual


def test_demo_can_be_loaded_again_without_duplicating_anything(demo):
    counts = (Page.objects.count(), m.AgencyDocument.objects.count(), Image.objects.count())
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert (Page.objects.count(), m.AgencyDocument.objects.count(), Image.objects.count()) == counts
    assert "Demo data loaded" in output.getvalue()
