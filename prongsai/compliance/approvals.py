"""Read-only: who approved the publish request behind an evidence page, and when (R26).

Assessors (MOPH's MOIT1 and agencies that copy it, standards.md §3.1) ask for the approval
record of each published item. The publishing app has no selector from a page to its requests,
so this module reads publishing's models directly, read-only, in two queries for any number of
pages. It never writes to publishing.
"""

import dataclasses
import datetime as dt

from prongsai.publishing.models import Action, PublishRequest, RequestEvent, Status, VerbalApproval

#: Events that record an approval: a step approved in the system (or by a prior document / an
#: exempt class), or a verbal approval recorded by the publisher.
APPROVAL_ACTIONS = (Action.APPROVED, Action.VERBAL_RECORDED)


@dataclasses.dataclass(frozen=True)
class Approval:
    name: str  # who approved; for a prior-approval or exempt class, the system's reason
    position: str
    at: dt.datetime
    how: str  # channel label: ในระบบ, ทางโทรศัพท์, หนังสืออนุมัติเดิม …
    step: str
    confirmed_at: dt.datetime | None = None  # a verbal approval confirmed later in the system


@dataclasses.dataclass(frozen=True)
class PublicationRecord:
    request_id: int | None
    request_title: str
    published_at: dt.datetime | None
    approvals: tuple[Approval, ...]
    #: Published without a request (publishing.direct): its record id and what it says.
    direct_id: int | None = None
    direct_statement: str = ""


def _approval(event: RequestEvent, verbal: VerbalApproval | None) -> Approval:
    if event.action == Action.VERBAL_RECORDED and verbal is not None:
        return Approval(
            name=verbal.approver.display_name(),
            position=verbal.approver.position,
            at=verbal.approved_at,
            how=f"ด้วยวาจา ({verbal.get_method_display()})",
            step=event.step_name,
            confirmed_at=verbal.confirmed_at,
        )
    actor = event.actor
    if actor is None or event.channel in ("prior", "exempt"):
        return Approval(
            name=event.reason or event.get_channel_display(),
            position="",
            at=event.created_at,
            how=event.get_channel_display(),
            step=event.step_name,
        )
    return Approval(
        name=actor.display_name(),
        position=actor.position,
        at=event.created_at,
        how=event.get_channel_display(),
        step=event.step_name,
    )


def publication_records(page_ids) -> dict[int, PublicationRecord]:
    """For each page, its latest published request, or its later publication without one."""
    from prongsai.publishing.direct import latest_direct
    from prongsai.publishing.evidence import direct_statement

    page_ids = {pk for pk in page_ids if pk}
    if not page_ids:
        return {}
    direct = latest_direct(page_ids)
    requests = (
        PublishRequest.objects.filter(target_page_id__in=page_ids, status=Status.PUBLISHED)
        .select_related("verbal_approval__approver")
        .order_by("target_page_id", "-published_at", "-pk")
    )
    latest: dict[int, PublishRequest] = {}
    for publish_request in requests:
        latest.setdefault(publish_request.target_page_id, publish_request)
    events = RequestEvent.objects.filter(
        request__in=list(latest.values()), action__in=APPROVAL_ACTIONS
    ).select_related("actor")
    by_request: dict[int, list[RequestEvent]] = {}
    for event in events:
        by_request.setdefault(event.request_id, []).append(event)
    records = {}
    for page_id, publish_request in latest.items():
        try:  # fetched by select_related above: no query per request
            verbal = publish_request.verbal_approval
        except VerbalApproval.DoesNotExist:
            verbal = None
        approvals = tuple(
            _approval(event, verbal) for event in by_request.get(publish_request.pk, [])
        )
        records[page_id] = PublicationRecord(
            request_id=publish_request.pk,
            request_title=publish_request.title,
            published_at=publish_request.published_at,
            approvals=approvals,
        )
    # A later publication without a request replaces the request's record: it is what is live.
    for page_id, record in direct.items():
        records[page_id] = PublicationRecord(
            request_id=None,
            request_title="",
            published_at=record.published_at,
            approvals=(),
            direct_id=record.pk,
            direct_statement=direct_statement(record),
        )
    return records
