"""R20: the organisation tree — heads, assigned publishers, administrators-only screens."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from prongsai.accounts.models import Unit
from prongsai.accounts.roles import Role
from prongsai.accounts.selectors import unit_publishers, units_in_tree_order
from prongsai.accounts.services import delete_unit
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory


@pytest.fixture
def tree(db):
    office = UnitFactory(code="a-office", name="สำนักงาน", kind="agency")
    group = UnitFactory(code="b-group", name="กลุ่มงานบริหาร", parent=office)
    section = UnitFactory(code="c-section", name="งานประชาสัมพันธ์", parent=group, kind="section")
    return office, group, section


@pytest.fixture
def administrator(db):
    return give_role(UserFactory(username="administrator"), Role.ADMINISTRATOR)


def test_r20_unit_has_a_head_and_assigned_publishers_with_contacts(tree):
    _office, group, _section = tree
    head = UserFactory(username="head", position="หัวหน้ากลุ่มงาน", phone="1234")
    publisher = UserFactory(username="pub", first_name="อรอุมา", phone="5678")
    group.head = head
    group.save()
    group.publishers.add(publisher)
    assert group.head_label() == head.display_name()
    [contact] = unit_publishers(group)
    assert (contact.email, contact.phone, contact.position) == (
        "pub@example.go.th",
        "5678",
        "นักวิชาการสาธารณสุข",
    )


def test_tree_order_lists_each_parent_before_its_children(tree):
    office, group, section = tree
    UnitFactory(code="aa-other", name="อีกกลุ่ม", parent=office)
    ordered = units_in_tree_order()
    office, group, section = (ordered[ordered.index(unit)] for unit in (office, group, section))
    assert ordered.index(office) < ordered.index(group) < ordered.index(section)
    assert [office.tree_depth, group.tree_depth, section.tree_depth] == [0, 1, 2]


def test_r20_unit_cannot_be_its_own_ancestor(tree):
    office, _group, section = tree
    office.parent = section
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "ไม่สามารถสังกัดตัวเองหรือหน่วยงานลูกของตัวเองได้" in str(error.value)


def test_r20_admin_listing_shows_the_tree_with_parents_for_administrators(
    client, tree, administrator
):
    client.force_login(administrator)
    html = client.get(reverse("accounts_unit:index")).content.decode()
    assert "— — งานประชาสัมพันธ์" in html
    assert html.index("สำนักงาน") < html.index("— กลุ่มงานบริหาร") < html.index("— — งานประชาสัมพันธ์")


@pytest.mark.parametrize("role", [Role.WEBMASTER, Role.PUBLISHER, Role.DATA_OWNER])
def test_r20_units_are_not_editable_by_other_roles(client, tree, role):
    user = give_role(UserFactory(username="other"), role)
    client.force_login(user)
    office = tree[0]
    assert client.get(reverse("accounts_unit:index")).status_code in (302, 403)
    assert client.post(
        reverse("accounts_unit:edit", args=[office.pk]), {"name": "x"}
    ).status_code in (302, 403)
    office.refresh_from_db()
    assert office.name == "สำนักงาน"


def test_r20_admin_edit_refuses_a_cycle_in_thai(client, tree, administrator):
    office, _group, section = tree
    client.force_login(administrator)
    response = client.post(
        reverse("accounts_unit:edit", args=[office.pk]),
        {
            "name": office.name,
            "code": office.code,
            "name_en": "",
            "kind": "agency",
            "parent": section.pk,
            "head": "",
            "publishers": [],
        },
    )
    assert response.status_code == 200
    assert "ไม่สามารถสังกัดตัวเองหรือหน่วยงานลูกของตัวเองได้" in response.content.decode()
    office.refresh_from_db()
    assert office.parent is None


def test_r20_deleting_a_unit_that_owns_sub_units_is_refused_in_thai(client, tree, administrator):
    _office, group, _section = tree
    client.force_login(administrator)
    response = client.post(reverse("accounts_unit:delete", args=[group.pk]), follow=True)
    assert "ลบหน่วยงาน “กลุ่มงานบริหาร” ไม่ได้" in response.content.decode()
    assert Unit.objects.filter(pk=group.pk).exists()


def test_r20_deleting_a_unit_that_owns_a_document_is_refused(tree, administrator):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from prongsai.sitepages.tests.factories import metadata

    section = tree[2]
    get_document_model().objects.create(
        title="รายงาน", file=ContentFile(b"%PDF-1.4", name="r.pdf"), **metadata(section)
    )
    with pytest.raises(ValidationError, match="ยังมีข้อมูลหรือหน่วยงานย่อยที่อ้างถึง"):
        delete_unit(section, by=administrator)
    assert Unit.objects.filter(pk=section.pk).exists()


def test_administrator_deletes_an_unused_unit(client, tree, administrator):
    section = tree[2]
    client.force_login(administrator)
    client.post(reverse("accounts_unit:delete", args=[section.pk]))
    assert not Unit.objects.filter(pk=section.pk).exists()
