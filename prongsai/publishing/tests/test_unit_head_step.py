"""A route step decided by the head of the requesting unit (R23, R60: DCY ข้อ 5.1.3).

Each unit's director approves that unit's items, and nobody else does: not a director of another
unit, not a holder of the approver role, not the requester. A unit head has no power over steps
decided by a role (docs/adr/0300-unit-head-approval-step.md).
"""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.publishing import permissions, services
from prongsai.publishing.evidence import form_context
from prongsai.publishing.models import (
    Action,
    ApprovalRoute,
    ApprovalStepTask,
    DecidedBy,
    InformationClass,
    PublishRequest,
    RouteKind,
    RouteStep,
    Status,
    Urgency,
)
from prongsai.publishing.notifications import approvers_for_step

from .conftest import request_data

pytestmark = pytest.mark.django_db

STEP = "ผู้อำนวยการกองให้ความเห็นชอบ"


@pytest.fixture
def divisions(people):
    """Two divisions, each with its director (no role at all) and a data owner."""
    first = people["unit"]
    second = UnitFactory(code="second-division", name="กองที่สอง")
    director = UserFactory(
        username="director", first_name="อำนวย", last_name="กองหนึ่ง", position="ผู้อำนวยการกอง"
    )
    director.unit = first
    director.save()
    other_director = UserFactory(
        username="director2", first_name="อำนาจ", last_name="กองสอง", unit=second
    )
    first.head, second.head = director, other_director
    first.save()
    second.save()
    return {"first": first, "second": second, "director": director, "other": other_director}


def unit_head_class(*delegates) -> InformationClass:
    route = ApprovalRoute.objects.create(name="ผู้อำนวยการกองเห็นชอบ", kind=RouteKind.COMMUNICATIONS)
    step = RouteStep.objects.create(
        route=route, sort_order=0, name=STEP, decided_by=DecidedBy.UNIT_HEAD
    )
    step.delegates.set(delegates)
    step.delegates.commit()
    return InformationClass.objects.create(code="unit-item", name="ข้อมูลของกอง", route=route)


def submit(user, information_class, capture):
    with capture(execute=True):
        return services.request_submit(user, data=request_data(information_class))


def test_r23_r60_only_the_requesting_units_head_may_decide_a_unit_head_step(
    people, divisions, django_capture_on_commit_callbacks
):
    request = submit(people["owner"], unit_head_class(), django_capture_on_commit_callbacks)
    assert request.status == Status.PENDING
    # The notice goes to the division's own director only.
    assert [m.to for m in mail.outbox] == [[divisions["director"].email]]

    superuser = UserFactory(username="root", is_superuser=True)
    refused = {
        "director of another unit": divisions["other"],
        "approver of the same unit": people["approver"],
        "approver of another unit": people["pr_checker"],
        "executive": people["executive"],
        "webmaster": people["webmaster"],
        "superuser": superuser,
        "the requester": people["owner"],
    }
    for who, user in refused.items():
        assert not permissions.can_decide(user, request), who
        with pytest.raises(PermissionDenied):
            services.request_approve(user, request)
    request.refresh_from_db()
    assert request.status == Status.PENDING and request.events.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.request_approve(divisions["director"], request, note="เห็นชอบ")
    request.refresh_from_db()
    assert request.status == Status.APPROVED
    approval = request.events.get(action=Action.APPROVED)
    # The history says in what capacity the director decided (they hold no approver role).
    assert approval.actor == divisions["director"]
    assert approval.actor_role == "หัวหน้าหน่วยงานเจ้าของข้อมูล"
    assert approval.step_name == STEP
    # The request form (PDF evidence) names the director as the approver.
    assert form_context(request)["approver"] == divisions["director"]


def test_r23_r60_the_other_units_director_decides_their_own_units_items(
    people, divisions, django_capture_on_commit_callbacks
):
    information_class = unit_head_class()
    second_owner = give_role(
        UserFactory(username="owner-second", unit=divisions["second"]), Role.DATA_OWNER
    )
    request = submit(second_owner, information_class, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[divisions["other"].email]]
    assert not permissions.can_decide(divisions["director"], request)
    assert permissions.can_decide(divisions["other"], request)
    services.request_return_for_correction(divisions["other"], request, reason="แก้ชื่อโครงการ")
    request.refresh_from_db()
    assert request.status == Status.RETURNED
    assert request.events.get(action=Action.RETURNED).actor_role == "หัวหน้าหน่วยงานเจ้าของข้อมูล"


def test_r23_r60_a_delegate_decides_a_unit_head_step_and_is_recorded_as_delegate(
    people, divisions, django_capture_on_commit_callbacks
):
    deputy = UserFactory(username="deputy", first_name="รอง", last_name="ผู้อำนวยการ")
    request = submit(people["owner"], unit_head_class(deputy), django_capture_on_commit_callbacks)
    assert sorted(address for m in mail.outbox for address in m.to) == sorted(
        [deputy.email, divisions["director"].email]
    )
    services.request_reject(deputy, request, reason="ข้อมูลยังไม่ครบ")
    assert request.events.get(action=Action.REJECTED).actor_role == "ผู้ได้รับมอบหมาย"


def test_r23_r60_a_director_filing_their_own_request_needs_a_delegate_to_decide_it(
    people, divisions, django_capture_on_commit_callbacks
):
    """The requester never decides: a director's own request on a unit-head step with no
    delegate would wait for ever, so it is refused in Thai and nothing is saved."""
    director = give_role(divisions["director"], Role.DATA_OWNER)
    information_class = unit_head_class()
    with pytest.raises(ValidationError) as refused:
        submit(director, information_class, django_capture_on_commit_callbacks)
    assert "ท่านเป็นหัวหน้าหน่วยงานเจ้าของข้อมูล" in " ".join(refused.value.messages)
    assert not PublishRequest.objects.exists() and not mail.outbox

    deputy = UserFactory(username="deputy")
    step = information_class.route.ordered_steps()[0]
    step.delegates.set([deputy])
    step.delegates.commit()
    request = submit(director, information_class, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[deputy.email]]
    assert not permissions.can_decide(director, request)
    assert permissions.can_decide(deputy, request)


def test_r23_r60_a_unit_without_a_head_cannot_file_into_a_unit_head_step(
    people, divisions, django_capture_on_commit_callbacks
):
    divisions["first"].head = None
    divisions["first"].save()
    with pytest.raises(ValidationError) as refused:
        submit(people["owner"], unit_head_class(), django_capture_on_commit_callbacks)
    assert "ยังไม่ได้กำหนดหัวหน้าหน่วยงาน" in " ".join(refused.value.messages)
    assert not PublishRequest.objects.exists()


def test_r23_r60_the_requesting_units_head_cannot_decide_steps_meant_for_a_role(
    people, divisions, django_capture_on_commit_callbacks
):
    """Before the unit-head step, a unit head could decide any "approver" step of their unit's
    requests: one limited to the communications unit, or one meant for the approver role."""
    route = ApprovalRoute.objects.create(name="ประชาสัมพันธ์ตรวจ", kind=RouteKind.COMMUNICATIONS)
    RouteStep.objects.create(
        route=route,
        sort_order=0,
        name="งานประชาสัมพันธ์ตรวจสอบ",
        approver_role=Role.APPROVER.value,
        approver_unit=people["pr_unit"],
    )
    RouteStep.objects.create(
        route=route, sort_order=1, name="ผู้อนุมัติ", approver_role=Role.APPROVER.value
    )
    checked = InformationClass.objects.create(code="pr-checked", name="ข่าว", route=route)
    request = submit(people["owner"], checked, django_capture_on_commit_callbacks)
    director = divisions["director"]
    assert director not in approvers_for_step(request.pending_step(), request)
    assert not permissions.can_decide(director, request)
    with pytest.raises(PermissionDenied):
        services.request_approve(director, request)
    services.request_approve(people["pr_checker"], request)
    request.refresh_from_db()
    assert request.pending_step().name == "ผู้อนุมัติ"
    assert not permissions.can_decide(director, request)
    assert permissions.can_decide(people["approver"], request)


def test_r22_r60_only_the_unit_heads_verbal_approval_may_be_recorded_and_the_pdf_names_them(
    people, divisions, news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_submit(
            people["owner"], data=request_data(unit_head_class(), urgency=Urgency.URGENT)
        )
    # The verbal-approval form offers the people the step allows: the director alone.
    assert approvers_for_step(request.pending_step(), request) == [divisions["director"]]
    record = {
        "approved_at": timezone.now() - dt.timedelta(minutes=10),
        "method": "phone",
        "urgency_reason": "แจ้งเตือนผู้ปกครองก่อนวันเด็ก",
        "files_checked": True,
        "category_checked": True,
    }
    with pytest.raises(ValidationError, match="ไม่มีสิทธิ์อนุมัติ"):
        services.verbal_approval_record(
            people["publisher"], request, approver=divisions["other"], **record
        )
    request.refresh_from_db()
    assert request.status == Status.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        request = services.verbal_approval_record(
            people["publisher"], request, approver=divisions["director"], **record
        )
    assert request.status == Status.PUBLISHED
    assert any(
        m.to == [divisions["director"].email] and "โปรดยืนยัน" in m.subject for m in mail.outbox
    )
    assert form_context(request)["approver"] == divisions["director"]


def test_r21_r60_wagtails_moderation_offers_a_unit_head_step_to_that_head_only(
    client, people, divisions, django_capture_on_commit_callbacks
):
    request = submit(people["owner"], unit_head_class(), django_capture_on_commit_callbacks)
    task = request.workflow_state.current_task_state.task.specific
    assert isinstance(task, ApprovalStepTask) and task.name == STEP
    page = request.target_page
    assert task.get_actions(page, divisions["director"])
    for user in (divisions["other"], people["approver"], people["owner"]):
        assert task.get_actions(page, user) == []
        assert not TaskState.objects.reviewable_by(user).exists()
    assert [state.pk for state in TaskState.objects.reviewable_by(divisions["director"])] == [
        request.workflow_state.current_task_state_id
    ]

    client.force_login(divisions["other"])
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", request.workflow_state.current_task_state_id],
    )
    client.post(url)
    request.refresh_from_db()
    assert request.status == Status.PENDING
    # Directors are staff with the data owner's role (DCY's profile): it opens the admin.
    client.force_login(give_role(divisions["director"], Role.DATA_OWNER))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": "เห็นชอบ"})
    assert response.status_code == 302, response.content.decode()[:500]
    request.refresh_from_db()
    assert request.status == Status.APPROVED


def test_r23_a_unit_head_step_names_no_unit_in_the_admin(people, divisions, client):
    """Chosen in the route admin; a unit on a unit-head step is refused in Thai, nothing saved."""
    client.force_login(UserFactory(username="admin", is_superuser=True))
    url = reverse("wagtailsnippets_publishing_approvalroute:add")

    def post(**step):
        data = {
            "name": "ผู้อำนวยการกองเห็นชอบ",
            "kind": RouteKind.COMMUNICATIONS,
            "steps-TOTAL_FORMS": "1",
            "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "1000",
            "steps-0-name": STEP,
            "steps-0-approver_role": Role.APPROVER.value,
            "steps-0-ORDER": "1",
            **{f"steps-0-{key}": value for key, value in step.items()},
        }
        return client.post(url, data)

    response = post(decided_by=DecidedBy.UNIT_HEAD, approver_unit=people["pr_unit"].pk)
    assert response.status_code == 200
    assert "ใช้หน่วยงานของผู้ขอเสมอ" in response.content.decode()
    assert not ApprovalRoute.objects.filter(name="ผู้อำนวยการกองเห็นชอบ").exists()

    response = post(decided_by=DecidedBy.UNIT_HEAD)
    assert response.status_code == 302
    step = RouteStep.objects.get(route__name="ผู้อำนวยการกองเห็นชอบ")
    assert step.decided_by == DecidedBy.UNIT_HEAD
    # Saving the route in the admin keeps its Wagtail workflow in step.
    assert [task.name for task in step.route.workflow.tasks] == [STEP]


def test_r60_the_migration_turns_a_step_only_unit_heads_could_decide_into_a_unit_head_step(
    people, divisions
):
    """A site loaded from the old DCY profile (approver step, no unit, nobody with the
    approver role) keeps its directors approving after the upgrade."""
    migration = importlib.import_module("prongsai.publishing.migrations.0005_routestep_decided_by")
    route = ApprovalRoute.objects.create(name="เดิม", kind=RouteKind.COMMUNICATIONS)
    old_step = RouteStep.objects.create(route=route, name=STEP, approver_role=Role.APPROVER.value)
    limited = RouteStep.objects.create(
        route=route, name="ประชาสัมพันธ์", approver_unit=people["pr_unit"]
    )

    # Someone holds the approver role: the step keeps meaning "an approver decides".
    migration.unit_head_steps_for_routes_no_approver_could_decide(apps, None)
    assert RouteStep.objects.get(pk=old_step.pk).decided_by == DecidedBy.ROLE

    for holder in (people["approver"], people["pr_checker"]):
        holder.groups.clear()
    migration.unit_head_steps_for_routes_no_approver_could_decide(apps, None)
    assert RouteStep.objects.get(pk=old_step.pk).decided_by == DecidedBy.UNIT_HEAD
    assert RouteStep.objects.get(pk=limited.pk).decided_by == DecidedBy.ROLE
