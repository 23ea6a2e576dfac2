"""Read-only queries over publish requests, shared by views, panels, daily checks and exports."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from prongsai.core.thaidate import fiscal_year_bounds
from prongsai.core.workdays import working_days_between
from prongsai.policy.selectors import policy_for

from . import permissions
from .models import PublishRequest, Status, VerbalApproval


def base_queryset():
    return PublishRequest.objects.select_related(
        "requester", "unit", "information_class", "information_class__route"
    )


def visible_requests(user):
    queryset = base_queryset()
    if permissions.can_see_all(user):
        return queryset
    return queryset.filter(Q(requester=user) | Q(unit_id=user.unit_id, unit__isnull=False))


def filtered(
    queryset,
    *,
    unit=None,
    status="",
    information_class=None,
    date_from=None,
    date_to=None,
    approved_fiscal_year=None,
    published_late=False,
    verbal_unconfirmed=False,
):
    if unit:
        queryset = queryset.filter(unit=unit)
    if status:
        queryset = queryset.filter(status=status)
    if information_class:
        queryset = queryset.filter(information_class=information_class)
    if date_from:
        queryset = queryset.filter(submitted_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(submitted_at__date__lte=date_to)
    if approved_fiscal_year:
        # Buddhist-era fiscal year: 1 October of the year before to 30 September.
        start, end = fiscal_year_bounds(approved_fiscal_year - 543)
        queryset = queryset.filter(approved_at__date__gte=start, approved_at__date__lte=end)
    if published_late:
        late = [
            r.pk
            for r in queryset.filter(status=Status.PUBLISHED, due_date__isnull=False)
            if r.deadline_status() == "published-late"
        ]
        queryset = queryset.filter(pk__in=late)
    if verbal_unconfirmed:
        # Every unconfirmed one, not only those past the grace period (the assessor's list).
        queryset = queryset.filter(
            verbal_approval__isnull=False, verbal_approval__confirmed_at__isnull=True
        )
    return queryset


def overdue_requests(today: dt.date | None = None):
    today = today or timezone.localdate()
    return base_queryset().filter(status=Status.APPROVED, due_date__lt=today).order_by("due_date")


def verbal_confirm_working_days() -> int:
    return policy_for().verbal_confirm_working_days


def unconfirmed_verbal_approvals(today: dt.date | None = None, *, older_than: int | None = None):
    """Verbal approvals still unconfirmed more than ``older_than`` working days after recording."""
    today = today or timezone.localdate()
    limit = verbal_confirm_working_days() if older_than is None else older_than
    pending = VerbalApproval.objects.filter(confirmed_at__isnull=True).select_related(
        "request", "approver", "recorded_by"
    )
    return [
        verbal
        for verbal in pending.order_by("recorded_at")
        if working_days_between(timezone.localdate(verbal.recorded_at), today) > limit
    ]


def awaiting_user(user) -> list[PublishRequest]:
    """Requests on which ``user`` can act now: approve a step, publish, confirm, resubmit."""
    result = []
    pending = base_queryset().filter(status=Status.PENDING).exclude(requester=user)
    result += [r for r in pending if permissions.can_decide(user, r)]
    if permissions.is_publisher(user):
        result += list(base_queryset().filter(status=Status.APPROVED).order_by("due_date"))
    result += list(base_queryset().filter(status=Status.RETURNED, requester=user))
    result += [
        verbal.request
        for verbal in VerbalApproval.objects.filter(approver=user, confirmed_at__isnull=True)
    ]
    return result
