"""R40: the traffic coordinator role takes two people and nobody grants it to themselves
(ADR 0071)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from prongsai.accounts import coordinator_role
from prongsai.accounts.models import CoordinatorChangeStatus
from prongsai.accounts.role_sync import role_group
from prongsai.accounts.roles import Role, user_has_role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory

PAGE = reverse("prongsai_accounts:coordinator_role")


@pytest.fixture
def admin_a(db):
    return give_role(UserFactory(username="admin-a"), Role.ADMINISTRATOR)


@pytest.fixture
def admin_b(db):
    return give_role(UserFactory(username="admin-b"), Role.ADMINISTRATOR)


@pytest.fixture
def executive(db):
    return give_role(UserFactory(username="director"), Role.EXECUTIVE)


@pytest.fixture
def staff(db):
    return UserFactory(username="it-officer")


def edit_form_data(user, groups):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "groups": [group.pk for group in groups],
        "position": user.position,
        "phone": "",
    }


def test_r40_administrator_cannot_make_themselves_coordinator_in_the_user_editor(client, admin_a):
    """The self-grant path: fails before this change (the group was accepted)."""
    client.force_login(admin_a)
    coordinator = role_group(Role.TRAFFIC_COORDINATOR)
    url = reverse("wagtailusers_users:edit", args=[admin_a.pk])
    page = client.get(url).content.decode()
    assert f'value="{coordinator.pk}"' not in page
    response = client.post(
        url, edit_form_data(admin_a, [role_group(Role.ADMINISTRATOR), coordinator])
    )
    assert response.status_code == 200
    assert "แต่งตั้งได้ที่เมนู" in response.content.decode()
    assert not user_has_role(admin_a, Role.TRAFFIC_COORDINATOR)


def test_r40_user_editor_keeps_an_existing_coordinator_membership(client, admin_a, staff):
    give_role(staff, Role.TRAFFIC_COORDINATOR)
    client.force_login(admin_a)
    response = client.post(
        reverse("wagtailusers_users:edit", args=[staff.pk]),
        edit_form_data(staff, [role_group(Role.PUBLISHER)]),
    )
    assert response.status_code == 302
    assert user_has_role(staff, Role.TRAFFIC_COORDINATOR)
    assert user_has_role(staff, Role.PUBLISHER)


def test_r40_grant_needs_a_second_person_and_tells_the_coordinators(
    admin_a, executive, staff, django_capture_on_commit_callbacks
):
    existing = give_role(UserFactory(username="old-coordinator"), Role.TRAFFIC_COORDINATOR)
    change = coordinator_role.propose(staff, grant=True, by=admin_a, reason="คำสั่งที่ 12/2569")
    assert not user_has_role(staff, Role.TRAFFIC_COORDINATOR)  # a proposal changes nothing
    with pytest.raises(PermissionDenied):
        coordinator_role.confirm(change, by=admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_role.confirm(change, by=executive)
    change.refresh_from_db()
    assert change.status == CoordinatorChangeStatus.CONFIRMED
    assert user_has_role(staff, Role.TRAFFIC_COORDINATOR)
    [message] = mail.outbox
    assert set(message.to) == {existing.email, staff.email}
    assert "คำสั่งที่ 12/2569" in message.body
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {
        "prongsai.account.coordinator_proposed",
        "prongsai.account.coordinator_refused",
        "prongsai.account.coordinator_granted",
    } <= actions


def test_r40_nobody_proposes_or_confirms_for_themselves(admin_a, admin_b):
    with pytest.raises(PermissionDenied):
        coordinator_role.propose(admin_a, grant=True, by=admin_a, reason="ทดสอบ")
    change = coordinator_role.propose(admin_b, grant=True, by=admin_a, reason="ทดสอบ")
    with pytest.raises(PermissionDenied):
        coordinator_role.confirm(change, by=admin_b)
    assert not user_has_role(admin_b, Role.TRAFFIC_COORDINATOR)
    assert ModelLogEntry.objects.filter(action="prongsai.account.coordinator_refused").count() == 2


def test_r40_only_administrators_propose_and_a_reason_is_required(admin_a, executive, staff):
    with pytest.raises(PermissionDenied):
        coordinator_role.propose(staff, grant=True, by=executive, reason="ทดสอบ")
    with pytest.raises(ValidationError):
        coordinator_role.propose(staff, grant=True, by=admin_a, reason="  ")
    with pytest.raises(ValidationError):
        coordinator_role.propose(staff, grant=False, by=admin_a, reason="ไม่ได้เป็นอยู่")


def test_r40_revoke_by_two_administrators(admin_a, admin_b, staff):
    give_role(staff, Role.TRAFFIC_COORDINATOR)
    change = coordinator_role.propose(staff, grant=False, by=admin_a, reason="ย้ายหน่วยงาน")
    coordinator_role.confirm(change, by=admin_b)
    assert not user_has_role(staff, Role.TRAFFIC_COORDINATOR)
    assert ModelLogEntry.objects.filter(action="prongsai.account.coordinator_revoked").exists()


def test_r40_the_page_proposes_and_another_person_confirms(client, admin_a, executive, staff):
    client.force_login(admin_a)
    response = client.post(PAGE, {"account": staff.pk, "grant": "1", "reason": "คำสั่งที่ 3"})
    assert response.status_code == 302
    [change] = coordinator_role.pending_changes()
    # the proposer's confirm is refused with a Thai message, nothing changes
    client.post(PAGE, {"action": "confirm", "change": change.pk}, follow=True)
    assert not user_has_role(staff, Role.TRAFFIC_COORDINATOR)
    client.force_login(executive)
    page = client.get(PAGE).content.decode()
    assert "คำสั่งที่ 3" in page
    client.post(PAGE, {"action": "confirm", "change": change.pk})
    assert user_has_role(staff, Role.TRAFFIC_COORDINATOR)


def test_r40_the_page_is_closed_to_other_roles(client, staff):
    give_role(staff, Role.WEBMASTER)
    client.force_login(staff)
    assert client.get(PAGE)["Location"] == "/admin/"


def test_r40_role_groups_cannot_be_renamed_into_the_coordinator_role(db):
    """Renaming the coordinator group away and one's own group into its name would hand out
    the role without the two-person action."""
    coordinator = role_group(Role.TRAFFIC_COORDINATOR)
    coordinator.name = "อื่น ๆ"
    with pytest.raises(PermissionDenied):
        coordinator.save()
    administrators = role_group(Role.ADMINISTRATOR)
    administrators.name = Role.TRAFFIC_COORDINATOR.value
    with pytest.raises(PermissionDenied):
        administrators.save()
    with pytest.raises(PermissionDenied):
        role_group(Role.TRAFFIC_COORDINATOR).delete()
