"""Snippet choosers ask the model's permission (ADR 0325; R41 least privilege).

Wagtail's chooser views answered any signed-in staff member: a data owner could read the
agency's ITA evidence links and not-applicable reasons through
``admin/snippets/choose/compliance/notapplicable/chosen/<pk>/``. These tests failed before
the checked chooser (every role got 200 and the reason's text).
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.compliance.models import Catalogue, CatalogueItem, NotApplicable
from prongsai.publishing.models import ApprovalRoute, RouteKind

REASON = "หน่วยงานไม่มีภารกิจด้านนี้ (เหตุผลภายใน)"


@pytest.fixture
def not_applicable(db):
    catalogue = Catalogue.objects.create(slug="ita", scheme="ita-oit", year=2569, title="ITA")
    item = CatalogueItem.objects.create(catalogue=catalogue, code="O1", title_th="ข้อ O1")
    return NotApplicable.objects.create(
        item=item, site=Site.objects.get(is_default_site=True), reason=REASON
    )


def _client_for(role):
    user = give_role(UserFactory(), role)
    client = Client()
    login_with_otp(client, user)
    return client


def _chooser_urls(model, pk):
    name = f"wagtailsnippetchoosers_{model._meta.app_label}_{model._meta.model_name}"
    return [
        reverse(f"{name}:choose"),
        reverse(f"{name}:choose_results"),
        reverse(f"{name}:chosen", args=[pk]),
    ]


@pytest.mark.parametrize(
    "role",
    [Role.DATA_OWNER, Role.APPROVER, Role.PUBLISHER, Role.WEBMASTER, Role.EXECUTIVE],
    ids=lambda role: role.value,
)
def test_r41_staff_without_the_models_permission_cannot_read_snippets_through_a_chooser(
    settings, not_applicable, role
):
    settings.PRONGSAI_REQUIRE_2FA = False
    client = _client_for(role)
    for url in _chooser_urls(NotApplicable, not_applicable.pk):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert REASON not in response.content.decode(), url


def test_r41_an_administrator_still_chooses_snippets(settings, not_applicable):
    settings.PRONGSAI_REQUIRE_2FA = False
    client = _client_for(Role.ADMINISTRATOR)
    chosen = client.get(_chooser_urls(NotApplicable, not_applicable.pk)[2])
    assert chosen.status_code == 200
    assert chosen.json()["result"]["id"] == str(not_applicable.pk)


def test_r41_every_snippet_of_the_project_has_the_checked_chooser(db):
    from wagtail.snippets.models import get_snippet_models

    from prongsai.core.snippet_choosers import PermissionCheckedSnippetChooserViewSet

    models = get_snippet_models()
    assert ApprovalRoute in models and NotApplicable in models
    for model in models:
        assert isinstance(
            model.snippet_viewset.chooser_viewset, PermissionCheckedSnippetChooserViewSet
        ), model
    # A route is an agency's policy: reading one needs the model's permission too.
    route = ApprovalRoute.objects.create(name="ทั่วไป", kind=RouteKind.EXEMPT)
    assert route.pk
