"""Staff guides from docs/ open from the admin's help menu, for staff only (R44)."""

import pytest
from django.urls import reverse

from prongsai.accounts.models import User
from prongsai.core.guides import GUIDES, _markdown


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("webmaster1", "w@example.go.th", "ฟ้าใส-ทะเลคราม-2569")


@pytest.mark.django_db
@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.slug)
def test_r44_each_guide_opens_for_staff(client, staff, guide):
    client.force_login(staff)
    response = client.get(reverse("core_guide", args=[guide.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    first_heading = guide.path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    # The guide's own title, one level under the admin header's <h1>.
    assert f"<h2>{first_heading}</h2>".replace("&", "&amp;") in html
    assert str(guide.title) in html


@pytest.mark.django_db
@pytest.mark.parametrize("guide", GUIDES, ids=lambda g: g.slug)
def test_r44_guides_closed_to_anonymous(client, guide):
    response = client.get(reverse("core_guide", args=[guide.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_r44_help_menu_lists_the_guides(client, staff):
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    for guide in GUIDES:
        assert reverse("core_guide", args=[guide.slug]) in html
    assert "What's new in Wagtail" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["deployment", "..", "README", "performance"])
def test_only_allow_listed_guides_are_served(client, staff, slug):
    client.force_login(staff)
    assert client.get(f"/admin/help/{slug}/").status_code == 404


def test_guide_markdown_escapes_html_and_refuses_script_links():
    html = _markdown().render(
        "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](publishing.md#2)\n",
        {"guide_url": lambda slug: f"/admin/help/{slug}/"},
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="/admin/help/publishing/#2"' in html
