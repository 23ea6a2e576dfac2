"""Approval through Wagtail's own workflow engine and moderation screens (R21, R23, R24).

The tests drive Wagtail's workflow action view (``wagtailadmin_pages:workflow_action``), the
URL behind the buttons of Wagtail's dashboard panel and page editor, with the test client.
"""

import json

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from prongsai.publishing import services
from prongsai.publishing.models import Action, ApprovalStepTask, RouteStep, Status
from prongsai.publishing.workflows import sync_route_workflow

from .conftest import request_data

pytestmark = pytest.mark.django_db
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def submit(people, information_class, capture, **overrides):
    with capture(execute=True):
        return services.request_submit(
            people["owner"], data=request_data(information_class, **overrides)
        )


def action_url(publish_request, action):
    publish_request.refresh_from_db()
    state = publish_request.workflow_state
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[publish_request.target_page_id, action, state.current_task_state_id],
    )


def assert_refused(response):
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def moderate(client, user, publish_request, action, capture, comment=None, ajax=False):
    client.force_login(user)
    data = {} if comment is None else {"comment": comment}
    with capture(execute=True):
        return client.post(action_url(publish_request, action), data, **(AJAX if ajax else {}))


def test_r21_submitting_starts_the_routes_workflow_on_the_requests_draft_page(
    people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["executive"], django_capture_on_commit_callbacks)
    page = request.target_page.specific
    assert not page.live and page.get_parent().slug == "news"
    state = page.current_workflow_state
    assert state == request.workflow_state and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name.endswith("ผู้บริหารอนุมัติ")
    assert [task.name for task in state.workflow.tasks] == [
        "หัวหน้ากลุ่มงานกลั่นกรอง",
        "ผู้บริหารสูงสุดอนุมัติ",
    ]
    task = state.current_task_state.task.specific
    assert isinstance(task, ApprovalStepTask) and task.name == "หัวหน้ากลุ่มงานกลั่นกรอง"
    # Wagtail's own "awaiting your review" query finds it for the step's approver only.
    reviewable = TaskState.objects.reviewable_by(people["approver"])
    assert list(reviewable) == [state.current_task_state]
    assert not TaskState.objects.reviewable_by(people["executive"]).exists()
    assert not TaskState.objects.reviewable_by(people["owner"]).exists()
    # Only our Thai notice went out (Wagtail's English workflow e-mails are not sent twice).
    assert [m.to for m in mail.outbox] == [[people["approver"].email]]


def test_r21_r23_approving_in_wagtails_moderation_screen_runs_the_service_step_by_step(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["executive"], django_capture_on_commit_callbacks)
    response = moderate(
        client, people["approver"], request, "approve", django_capture_on_commit_callbacks, "ok"
    )
    assert response.status_code == 302
    assert response.url == reverse("publishing_admin:detail", args=[request.pk])
    request.refresh_from_db()
    assert request.status == Status.PENDING and request.pending_step().name == "ผู้บริหารสูงสุดอนุมัติ"
    assert request.workflow_state.current_task_state.task.name == "ผู้บริหารสูงสุดอนุมัติ"
    assert people["executive"].email in mail.outbox[-1].to

    # The first approver may not act on the second step (Wagtail refuses the action).
    client.force_login(people["approver"])
    assert_refused(client.post(action_url(request, "approve")))
    request.refresh_from_db()
    assert request.pending_step().name == "ผู้บริหารสูงสุดอนุมัติ"

    moderate(client, people["executive"], request, "approve", django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert request.status == Status.APPROVED and request.due_date is not None
    assert request.workflow_state.status == WorkflowState.STATUS_APPROVED
    # Approval does not publish: the publisher checks files and category first.
    request.target_page.refresh_from_db()
    assert not request.target_page.live
    assert [e.action for e in request.events.all()] == [
        Action.SUBMITTED,
        Action.APPROVED,
        Action.APPROVED,
    ]
    assert request.events.all()[1].reason == "ok"


def test_r24_the_requester_gets_no_moderation_actions_on_their_own_request(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"], django_capture_on_commit_callbacks)
    response = moderate(
        client, people["owner"], request, "approve", django_capture_on_commit_callbacks
    )
    assert_refused(response)
    request.refresh_from_db()
    assert request.status == Status.PENDING and request.events.count() == 1


def test_r21_reject_without_a_reason_is_refused_in_wagtails_modal(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"], django_capture_on_commit_callbacks)
    client.force_login(people["approver"])
    modal = client.get(action_url(request, "reject"), **AJAX)
    assert "เหตุผลที่ไม่อนุมัติ" in json.loads(modal.content)["html"]

    response = moderate(
        client,
        people["approver"],
        request,
        "reject",
        django_capture_on_commit_callbacks,
        "  ",
        ajax=True,
    )
    body = json.loads(response.content)
    assert body["step"] == "action" and "กรุณาระบุเหตุผลที่ไม่อนุมัติ" in body["html"]
    # Without JavaScript Wagtail just redirects; either way nothing has changed.
    moderate(client, people["approver"], request, "reject", django_capture_on_commit_callbacks, "")
    request.refresh_from_db()
    assert request.status == Status.PENDING and request.events.count() == 1
    assert request.workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_r21_reject_with_a_reason_reaches_the_requester_and_every_earlier_participant(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["executive"], django_capture_on_commit_callbacks)
    moderate(client, people["approver"], request, "approve", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    reason = "ตัวเลขผู้ป่วยยังไม่ได้รับการยืนยันจากกรมควบคุมโรค"
    moderate(
        client, people["executive"], request, "reject", django_capture_on_commit_callbacks, reason
    )
    request.refresh_from_db()
    assert request.status == Status.REJECTED
    assert request.events.last().reason == reason
    assert request.workflow_state.status == WorkflowState.STATUS_CANCELLED
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {people["owner"].email, people["approver"].email}
    assert all(reason in message.body for message in mail.outbox)


def test_r21_return_for_correction_then_resubmit_restarts_the_workflow_and_keeps_history(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"], django_capture_on_commit_callbacks)
    first_state = request.workflow_state
    mail.outbox.clear()
    moderate(
        client,
        people["approver"],
        request,
        "return",
        django_capture_on_commit_callbacks,
        "กรุณาแนบกำหนดการฉีดวัคซีน",
    )
    request.refresh_from_db()
    first_state.refresh_from_db()
    assert request.status == Status.RETURNED
    assert first_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert mail.outbox[0].to == [people["owner"].email]
    assert "กรุณาแนบกำหนดการฉีดวัคซีน" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        request = services.request_resubmit(
            people["owner"],
            request,
            data={"summary": "เพิ่มกำหนดการฉีดวัคซีนแล้ว", "content": "ฉีดวันที่ 1–15 พ.ค."},
        )
    first_state.refresh_from_db()
    assert first_state.status == WorkflowState.STATUS_CANCELLED
    assert request.workflow_state != first_state
    assert request.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    draft = Page.objects.get(pk=request.target_page_id).specific.get_latest_revision_as_object()
    assert draft.introduction == "เพิ่มกำหนดการฉีดวัคซีนแล้ว"

    moderate(client, people["approver"], request, "approve", django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert request.status == Status.APPROVED
    assert [e.action for e in request.events.all()] == [
        Action.SUBMITTED,
        Action.RETURNED,
        Action.RESUBMITTED,
        Action.APPROVED,
    ]


def test_r23_routes_workflow_follows_the_route_when_its_steps_change(people, classes):
    route = classes["executive"].route
    workflow = sync_route_workflow(route)
    first, second = route.ordered_steps()
    first.sort_order, second.sort_order = 5, 1
    first.save()
    second.save()
    RouteStep.objects.create(route=route, sort_order=9, name="ผู้ตรวจสอบเพิ่มเติม")
    assert sync_route_workflow(route) == workflow
    assert [task.name for task in workflow.tasks] == [
        "ผู้บริหารสูงสุดอนุมัติ",
        "หัวหน้ากลุ่มงานกลั่นกรอง",
        "ผู้ตรวจสอบเพิ่มเติม",
    ]
    assert sync_route_workflow(classes["exempt"].route) is None


def test_r21_the_steps_approver_opens_the_draft_in_wagtails_editor_with_the_task_actions(
    client, people, classes, django_capture_on_commit_callbacks
):
    request = submit(people, classes["general"], django_capture_on_commit_callbacks)
    edit_url = reverse("wagtailadmin_pages:edit", args=[request.target_page_id])
    client.force_login(people["approver"])
    response = client.get(edit_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ส่งกลับให้แก้ไข" in html and "ไม่อนุมัติ" in html
    assert request.target_page.slug in html  # the Thai slug is shown as is
    client.force_login(people["other_owner"])  # no page permissions, not a reviewer
    assert client.get(edit_url).status_code in (302, 403)
