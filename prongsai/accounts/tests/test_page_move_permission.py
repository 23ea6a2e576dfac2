"""Found by the authorisation matrix: Wagtail's move confirmation screen answered every admin
user for any page (only the POST was checked). Failed before the before_move_page hook."""

import pytest

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.sitepages import models as site
from prongsai.sitepages.tests.factories import add_page, metadata

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_page(home_page, unit):
    news = add_page(home_page, site.NewsIndexPage, title="ข่าว", slug="news")
    archive = add_page(home_page, site.NewsIndexPage, title="ข่าวเก่า", slug="archive")
    return add_page(news, site.NewsPage, title="ข่าวของกลุ่มงาน", **metadata(unit)), archive


@pytest.mark.parametrize("role", [Role.DATA_OWNER, Role.MODERATOR, Role.EXECUTIVE])
def test_r41_move_confirmation_refused_to_a_role_that_cannot_move_the_page(
    client, news_page, unit, role
):
    page, archive = news_page
    client.force_login(give_role(UserFactory(unit=unit), role))
    response = client.get(f"/admin/pages/{page.pk}/move/{archive.pk}/confirm/")
    # Wagtail answers a refusal in its admin with a redirect to the dashboard and a message.
    assert (response.status_code, response.headers.get("Location")) == (302, "/admin/")


def test_r41_move_confirmation_still_shown_to_a_webmaster(client, news_page, unit):
    page, archive = news_page
    client.force_login(give_role(UserFactory(unit=unit), Role.WEBMASTER))
    response = client.get(f"/admin/pages/{page.pk}/move/{archive.pk}/confirm/")
    assert response.status_code == 200
