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


def test_demo_can_be_loaded_again_without_duplicating_anything(demo):
    counts = (Page.objects.count(), m.AgencyDocument.objects.count(), Image.objects.count())
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert (Page.objects.count(), m.AgencyDocument.objects.count(), Image.objects.count()) == counts
    assert "Demo data loaded" in output.getvalue()
