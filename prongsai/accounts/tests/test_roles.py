"""R20: each role is a Wagtail group with exactly the permissions it needs and no more."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import GroupPagePermission
from wagtail.permissions import policy_registry

from prongsai.accounts.role_sync import sync_roles
from prongsai.accounts.roles import Role, user_has_role, users_with_role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

documents = policy_registry.get_by_type(get_document_model())


def make_document(uploaded_by):
    return get_document_model().objects.create(
        title="เอกสารทดสอบ",
        file=ContentFile(b"%PDF-1.4 test", name="test.pdf"),
        uploaded_by_user=uploaded_by,
        **metadata(),
    )


def staff_with(role):
    user = UserFactory(username=f"user-{role.name.lower()}")
    give_role(user, role)
    return user


@pytest.fixture
def news_page(home_page):
    return add_page(home_page, m.StandardPage, title="นโยบายเว็บไซต์")


def test_r20_sync_roles_creates_one_group_per_role_and_is_idempotent(db):
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    page_rows = GroupPagePermission.objects.count()
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    second = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert first == second
    assert GroupPagePermission.objects.count() == page_rows
    assert {role.value for role in Role} <= set(second)


def test_r20_sync_roles_removes_a_permission_added_by_hand(db):
    groups = sync_roles()
    owner_group = groups[Role.DATA_OWNER]
    GroupPagePermission.objects.create(
        group=owner_group, page=GroupPagePermission.objects.first().page, permission_type="publish"
    )
    sync_roles()
    assert not GroupPagePermission.objects.filter(
        group=owner_group, permission__codename="publish_page"
    ).exists()


def test_r20_data_owner_drafts_pages_and_documents_but_cannot_publish(news_page):
    owner = staff_with(Role.DATA_OWNER)
    home = news_page.get_parent()
    assert owner.has_perm("wagtailadmin.access_admin")
    assert home.permissions_for_user(owner).can_add_subpage()
    assert not home.permissions_for_user(owner).can_publish_subpage()
    assert not news_page.permissions_for_user(owner).can_publish()
    assert not news_page.permissions_for_user(owner).can_edit()  # someone else's page
    own_draft = add_page(home, m.StandardPage, publish=False, owner=owner)
    assert own_draft.permissions_for_user(owner).can_edit()
    assert not own_draft.permissions_for_user(owner).can_publish()
    assert documents.user_has_permission(owner, "add")
    others_document = make_document(uploaded_by=UserFactory(username="someone-else"))
    own_document = make_document(uploaded_by=owner)
    assert not documents.user_has_permission_for_instance(owner, "change", others_document)
    assert documents.user_has_permission_for_instance(owner, "change", own_document)
    assert not owner.has_perm("core.change_agencysettings")
    assert not owner.has_perm("accounts.add_user")


def test_r20_approver_has_no_page_or_document_editing_rights(news_page):
    approver = staff_with(Role.APPROVER)
    assert approver.has_perm("wagtailadmin.access_admin")
    assert not news_page.permissions_for_user(approver).can_edit()
    assert not news_page.permissions_for_user(approver).can_publish()
    assert documents.user_has_permission(approver, "choose")
    assert not documents.user_has_permission(approver, "add")


def test_r20_publisher_publishes_pages_and_documents_but_not_settings_or_users(news_page):
    publisher = staff_with(Role.PUBLISHER)
    assert news_page.permissions_for_user(publisher).can_publish()
    assert news_page.permissions_for_user(publisher).can_edit()
    assert documents.user_has_permission(publisher, "change")
    assert documents.user_has_permission(publisher, "choose")
    others_document = make_document(uploaded_by=UserFactory(username="someone-else"))
    assert documents.user_has_permission_for_instance(publisher, "change", others_document)
    assert not publisher.has_perm("core.change_agencysettings")
    assert not publisher.has_perm("wagtailredirects.add_redirect")
    assert not publisher.has_perm("accounts.add_user")


def test_r20_webmaster_publishes_and_manages_settings_and_redirects_but_not_users(news_page):
    webmaster = staff_with(Role.WEBMASTER)
    assert news_page.permissions_for_user(webmaster).can_publish()
    assert news_page.permissions_for_user(webmaster).can_unlock()
    assert webmaster.has_perm("core.change_agencysettings")
    assert webmaster.has_perm("wagtailredirects.add_redirect")
    assert not webmaster.has_perm("accounts.add_user")
    assert not webmaster.has_perm("accounts.change_unit")
    assert not webmaster.has_perm("auth.change_group")


def test_r20_administrator_manages_users_groups_and_units(news_page):
    administrator = staff_with(Role.ADMINISTRATOR)
    assert administrator.has_perm("accounts.add_user")
    assert administrator.has_perm("auth.change_group")
    assert administrator.has_perm("accounts.change_unit")
    assert news_page.permissions_for_user(administrator).can_publish()
    assert not administrator.has_perm("trafficlog.view_trafficrecord")


@pytest.mark.parametrize("role", [Role.TRAFFIC_COORDINATOR, Role.MODERATOR, Role.EXECUTIVE])
def test_r20_roles_checked_by_their_apps_get_no_page_permissions(news_page, role):
    user = staff_with(role)
    assert user.has_perm("wagtailadmin.access_admin")
    assert not news_page.get_parent().permissions_for_user(user).can_add_subpage()
    assert not news_page.permissions_for_user(user).can_edit()
    assert not documents.user_has_permission(user, "choose")
    assert user_has_role(user, role)
    assert list(users_with_role(role)) == [user]


def test_r20_role_groups_exist_after_migrate_without_running_anything(db):
    # The test database is built by `migrate`; post_migrate must have synced the roles.
    assert set(Group.objects.values_list("name", flat=True)) >= {role.value for role in Role}
