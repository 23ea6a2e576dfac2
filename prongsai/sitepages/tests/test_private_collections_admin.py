"""Private collections' documents and images stay out of the admin for staff without a
permission on them (R41, issue #12 "private documents' titles leak through the chooser's
JSON"; ADR 0252). Before, a webmaster's permission on the root collection reached every
restricted collection: the chooser, its search, the chosen-document JSON and the listing all
showed the private titles and file URLs."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role, login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.filecheck.tests.hostile import builders
from prongsai.sitepages.tests.factories import metadata

pytestmark = pytest.mark.django_db
SECRET = "บันทึกลับผู้บริหาร-7731"
SECRET_IMAGE = "ภาพลับผู้บริหาร-7731"
OPEN = "ประกาศทั่วไป-4410"


@pytest.fixture
def private(home_page):
    root = Collection.get_first_root_node()
    restricted = root.add_child(name="เอกสารผู้บริหาร")
    inner = restricted.add_child(name="วาระลับ")
    restriction = CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.GROUPS
    )
    executives = Group.objects.create(name="ผู้เข้าถึงเอกสารผู้บริหาร")
    restriction.groups.add(executives)
    documents = {}
    for title, collection in ((SECRET, inner), (OPEN, root)):
        documents[title] = get_document_model().objects.create(
            title=title,
            collection=collection,
            file=ContentFile(builders.pdf(), name=f"{title}.pdf"),
            **metadata(),
        )
    image = get_image_model().objects.create(
        title=SECRET_IMAGE,
        collection=inner,
        file=ContentFile(builders.image("PNG"), name="secret.png"),
    )
    return {
        "collection": restricted,
        "group": executives,
        "document": documents[SECRET],
        "open": documents[OPEN],
        "image": image,
    }


def _webmaster(username="webmaster"):
    return give_role(UserFactory(username=username), Role.WEBMASTER)


def _text(response) -> str:
    """The answer as a person or a script reads it: JSON answers with their escapes undone."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def _everything_a_staff_member_can_open(client, private) -> str:
    document, image = private["document"], private["image"]
    pages = [
        client.get(reverse("wagtaildocs_chooser:choose")),
        client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "บันทึกลับ"}),
        client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "7731"}),
        client.get(reverse("wagtaildocs_chooser:chosen", args=[document.pk])),
        client.get(reverse("wagtaildocs_chooser:chosen_multiple"), {"id": [document.pk]}),
        client.get(reverse("wagtaildocs:index")),
        client.get(reverse("wagtaildocs:index_results"), {"q": "7731"}),
        client.get(reverse("wagtaildocs:edit", args=[document.pk])),
        client.get(reverse("wagtaildocs:document_usage", args=[document.pk])),
        client.get(reverse("wagtailimages_chooser:choose")),
        client.get(reverse("wagtailimages_chooser:choose_results"), {"q": "7731"}),
        client.get(reverse("wagtailimages_chooser:chosen", args=[image.pk])),
        client.get(reverse("wagtailimages:index")),
        client.get(reverse("wagtailimages:edit", args=[image.pk])),
    ]
    return "\n".join(_text(p) for p in pages if p.status_code == 200)


def test_r41_staff_without_permission_on_a_private_collection_see_none_of_its_files(
    client, private
):
    login_with_otp(client, _webmaster())
    seen = _everything_a_staff_member_can_open(client, private)
    assert OPEN in seen  # the screens work and list what the webmaster may see
    assert SECRET not in seen and SECRET_IMAGE not in seen
    assert private["document"].file.name not in seen
    assert private["document"].url not in seen
    assert "เอกสารผู้บริหาร" not in seen and "วาระลับ" not in seen  # nor the collections' names
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[private["document"].pk]))
    assert chosen.status_code in (302, 403, 404)


def test_r41_a_permission_granted_on_the_private_collection_itself_reaches_it(client, private):
    webmaster = _webmaster()
    keepers = Group.objects.create(name="ผู้ดูแลเอกสารผู้บริหาร")
    for codename, app in (("choose_document", "wagtaildocs"), ("choose_image", "wagtailimages")):
        GroupCollectionPermission.objects.create(
            group=keepers,
            collection=private["collection"],
            permission=Permission.objects.get(codename=codename, content_type__app_label=app),
        )
    webmaster.groups.add(keepers)
    login_with_otp(client, webmaster)
    choose = client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "7731"})
    assert SECRET in _text(choose)
    chosen = client.get(reverse("wagtaildocs_chooser:chosen", args=[private["document"].pk]))
    assert chosen.status_code == 200 and SECRET in _text(chosen)
    images = client.get(reverse("wagtailimages_chooser:choose"))
    assert SECRET_IMAGE in _text(images)


def test_r41_members_of_the_group_the_restriction_lets_in_and_superusers_see_it(client, private):
    member = _webmaster("member")
    member.groups.add(private["group"])
    login_with_otp(client, member)
    assert SECRET in client.get(reverse("wagtaildocs:index")).content.decode()
    login_with_otp(client, UserFactory(username="root", is_superuser=True))
    assert SECRET in client.get(reverse("wagtaildocs:index")).content.decode()
