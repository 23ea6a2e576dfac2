"""Publish requests in Wagtail's workflow engine (R21, R23).

One Wagtail ``Workflow`` per approval route, one ``ApprovalStepTask`` per route step, kept in
step with the route by ``sync_route_workflow``. A submitted request starts its route's workflow
on the request's draft page, so reviewers see it in Wagtail's dashboard panels and moderation
screens. The services stay the single source of truth: a moderation action calls the service
(``act_on_task``) and the service moves the Wagtail task state (``record_decision``), whichever
screen the decision came from.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, Workflow, WorkflowState, WorkflowTask

from .models import ApprovalRoute, ApprovalStepTask, PublishRequest, Status


def _workflow_name(route) -> str:
    return (_("คำขอเผยแพร่: %(route)s") % {"route": route.name})[:255]


def _task_for(step) -> ApprovalStepTask:
    task = ApprovalStepTask.objects.filter(route_step=step).first()
    if task is None:
        return ApprovalStepTask.objects.create(route_step=step, name=step.name[:255])
    if task.name != step.name[:255] or not task.active:
        task.name, task.active = step.name[:255], True
        task.save(update_fields=["name", "active"])
    return task


@transaction.atomic
def sync_route_workflow(route) -> Workflow | None:
    """Create or update the route's workflow so its tasks are the route's steps, in order."""
    steps = route.ordered_steps()
    workflow = route.workflow
    if not steps:
        return workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=_workflow_name(route))
        ApprovalRoute.objects.filter(pk=route.pk).update(workflow=workflow)
        route.workflow = workflow
    elif workflow.name != _workflow_name(route) or not workflow.active:
        workflow.name, workflow.active = _workflow_name(route), True
        workflow.save(update_fields=["name", "active"])
    tasks = [_task_for(step) for step in steps]
    current = list(
        WorkflowTask.objects.filter(workflow=workflow)
        .order_by("sort_order")
        .values_list("task_id", flat=True)
    )
    if current != [task.pk for task in tasks]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    # Steps removed from the route: their tasks stop offering actions.
    ApprovalStepTask.objects.filter(route_step__route=route).exclude(route_step__in=steps).update(
        active=False
    )
    return workflow


def start_request_workflow(publish_request, user) -> None:
    """Start (or restart, after a correction) the route's workflow on the request's page."""
    workflow = sync_route_workflow(publish_request.information_class.route)
    if workflow is None or publish_request.target_page_id is None:
        return
    # Fresh from the database: the request's cached page may predate a just-saved revision.
    page = Page.objects.get(pk=publish_request.target_page_id).specific
    previous = page.current_workflow_state
    if previous is not None:
        previous.cancel(user=user)
    publish_request.workflow_state = workflow.start(page, user)
    publish_request.save(update_fields=["workflow_state"])


def _current_task_state(publish_request):
    state = publish_request.workflow_state
    if state is None:
        return None
    state.refresh_from_db()
    task_state = state.current_task_state
    if state.status != WorkflowState.STATUS_IN_PROGRESS or task_state is None:
        return None
    return task_state.specific if task_state.status == TaskState.STATUS_IN_PROGRESS else None


def record_decision(publish_request, user, action: str, comment: str) -> None:
    """Mirror a decision the service has made onto the Wagtail task state."""
    task_state = _current_task_state(publish_request)
    if task_state is None:
        return
    if action == "approve":
        task_state.approve(user=user, comment=comment)
        return
    # Return for correction = Wagtail's "changes requested"; reject also ends the workflow.
    task_state.reject(user=user, comment=comment)
    if action == "reject":
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        workflow_state.cancel(user=user)


def cancel_request_workflow(publish_request, user) -> None:
    state = publish_request.workflow_state
    if state is None:
        return
    state.refresh_from_db()
    if state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
        state.cancel(user=user)


def request_awaiting_task(task, obj) -> PublishRequest | None:
    """The pending request whose workflow is at ``task`` on page ``obj``, if any."""
    if task.route_step_id is None or obj is None:
        return None
    return (
        PublishRequest.objects.filter(
            target_page_id=obj.pk,
            status=Status.PENDING,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__current_task_state__task_id=task.pk,
        )
        .select_related("unit__head", "information_class__route")
        .first()
    )


def task_states_user_can_decide(task, user):
    if task.route_step_id is None or not getattr(user, "is_authenticated", False):
        return TaskState.objects.none()
    requests = PublishRequest.objects.filter(
        status=Status.PENDING,
        workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        workflow_state__current_task_state__task_id=task.pk,
        workflow_state__current_task_state__status=TaskState.STATUS_IN_PROGRESS,
    ).select_related("unit__head", "workflow_state")
    ids = [
        request.workflow_state.current_task_state_id
        for request in requests
        if request.requester_id != user.pk and task.route_step.can_decide(user, request)
    ]
    return TaskState.objects.filter(pk__in=ids)


def act_on_task(task, task_state, user, action_name: str, comment: str):
    """A decision made in Wagtail's moderation screens: run it through the services."""
    from . import services

    publish_request = PublishRequest.objects.filter(
        workflow_state_id=task_state.workflow_state_id
    ).first()
    if publish_request is None:
        raise PermissionDenied(_("ไม่พบคำขอเผยแพร่ของขั้นตอนนี้"))
    try:
        if action_name == "approve":
            services.request_approve(user, publish_request, note=comment)
        elif action_name == "reject":
            services.request_reject(user, publish_request, reason=comment)
        elif action_name == "return":
            services.request_return_for_correction(user, publish_request, reason=comment)
        else:
            raise PermissionDenied
    except ValidationError as error:
        # Nothing changed; Wagtail's view has no error channel of its own for on_action.
        raise PermissionDenied(" ".join(error.messages)) from error
    return reverse("publishing_admin:detail", args=[publish_request.pk])


def is_request_workflow(workflow_state) -> bool:
    return ApprovalRoute.objects.filter(workflow_id=workflow_state.workflow_id).exists()
