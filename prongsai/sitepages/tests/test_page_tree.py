"""R1–R11: each category is a family under its own section; the tree cannot be built wrong."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page

pytestmark = pytest.mark.django_db

# Every page type and the only parent types it may be created under.
ALLOWED_PARENTS = {
    m.HomePage: {Page},
    m.AgencyIndexPage: {m.HomePage},
    m.AgencyInfoPage: {m.AgencyIndexPage},
    m.ExecutiveDirectoryPage: {m.AgencyIndexPage},
    m.ContactPage: {m.AgencyIndexPage},
    m.LawIndexPage: {m.HomePage},
    m.LawPage: {m.LawIndexPage},
    m.KnowledgeIndexPage: {m.HomePage},
    m.KnowledgePage: {m.KnowledgeIndexPage},
    m.LinkIndexPage: {m.HomePage},
    m.LinkCollectionPage: {m.LinkIndexPage},
    m.OIAIndexPage: {m.HomePage},
    m.OIAItemPage: {m.OIAIndexPage},
    m.OperationsManualIndexPage: {m.HomePage},
    m.OperationsManualPage: {m.OperationsManualIndexPage},
    m.ServiceManualIndexPage: {m.HomePage},
    m.ServiceManualPage: {m.ServiceManualIndexPage},
    m.NewsIndexPage: {m.HomePage},
    m.NewsPage: {m.NewsIndexPage},
    m.EventCalendarPage: {m.NewsIndexPage},
    m.EventPage: {m.EventCalendarPage},
    m.GalleryPage: {m.NewsIndexPage},
    m.EServiceIndexPage: {m.HomePage},
    m.EServicePage: {m.EServiceIndexPage},
    m.StatisticsPage: {m.HomePage},
    m.CIOPage: {m.HomePage},
    m.StandardPage: {m.HomePage, m.StandardPage},
    m.PolicyPage: {m.HomePage},
    m.SitemapPage: {m.HomePage},
}

SINGLE_PER_PARENT = [
    m.HomePage,
    m.AgencyIndexPage,
    m.LawIndexPage,
    m.KnowledgeIndexPage,
    m.LinkIndexPage,
    m.OIAIndexPage,
    m.OperationsManualIndexPage,
    m.ServiceManualIndexPage,
    m.NewsIndexPage,
    m.EServiceIndexPage,
    m.StatisticsPage,
    m.CIOPage,
    m.SitemapPage,
    m.ContactPage,
]


def test_r1_to_r11_every_page_type_has_exactly_its_allowed_parents():
    page_models = {
        model
        for model in m.__dict__.values()
        if isinstance(model, type) and issubclass(model, Page)
    }
    assert page_models == set(ALLOWED_PARENTS), "a page type is missing from ALLOWED_PARENTS"
    for model, parents in ALLOWED_PARENTS.items():
        assert set(model.allowed_parent_page_models()) == parents, model.__name__


def test_r1_to_r11_every_category_section_can_be_created_once(home_page):
    for model in SINGLE_PER_PARENT:
        assert model.max_count_per_parent == 1, model.__name__
    add_page(home_page, m.LawIndexPage, slug="laws")
    assert not m.LawIndexPage.can_create_at(home_page)
    assert m.NewsIndexPage.can_create_at(home_page)


def test_r1_to_r11_content_cannot_be_added_under_the_wrong_section(client, superuser, home_page):
    laws = add_page(home_page, m.LawIndexPage, slug="laws")
    assert not m.NewsPage.can_create_at(laws)
    assert not m.LawPage.can_create_at(home_page)
    client.force_login(superuser)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["sitepages", "newspage", laws.pk])
    )
    assert response.status_code in (302, 403)
    assert not m.NewsPage.objects.exists()
