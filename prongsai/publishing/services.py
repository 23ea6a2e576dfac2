"""Every change of a publish request's state, one function each (R21–R25).

Each function checks the actor's permission, validates, changes the request inside one
transaction, appends to the request's history (RequestEvent), writes Wagtail's audit log and
queues the e-mails for after commit. Refusals raise ValidationError with a Thai message and
leave the database untouched.
"""

import datetime as dt
import os

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.audit import log
from prongsai.core.permissions import refuse
from prongsai.core.thaidate import thai_date
from prongsai.core.workdays import add_working_days
from prongsai.filecheck.policy import ATTACHMENT
from prongsai.filecheck.services import checked_upload
from prongsai.policy.selectors import category_choices, category_label, policy_for

from . import notifications as notify
from . import permissions, workflows
from .models import (
    Action,
    Channel,
    PublishRequest,
    RequestAttachment,
    RequestEvent,
    RouteKind,
    Status,
    Urgency,
    VerbalApproval,
)
from .pages import create_draft, missing_for_publication, publish_page, update_draft
from .uploads import validate_upload

EDITABLE_FIELDS = (
    "title",
    "summary",
    "category",
    "content",
    "source",
    "info_period_start",
    "info_period_end",
    "publish_from",
    "publish_until",
    "information_class",
    "prior_approval_number",
    "prior_approval_date",
    "urgency",
    # Category-specific page fields (pages.SECTION_PAGES); optional for the owner.
    "law_kind",
    "effective_date",
    "source_url",
    "knowledge_kind",
    "reference",
    "reference_date",
    "oia_item",
)


def deadline_working_days() -> int:
    return policy_for().publish_deadline_working_days


def _refuse(message: str):
    raise ValidationError(message)


def _locked(publish_request) -> PublishRequest:
    # Lock the row so two approvers clicking at once cannot both decide the same step.
    return PublishRequest.objects.select_for_update().get(pk=publish_request.pk)


def _record(
    publish_request, actor, role_label, action, *, step="", reason="", channel=Channel.SYSTEM
):
    event = RequestEvent.objects.create(
        request=publish_request,
        actor=actor,
        actor_role=str(role_label),
        action=action,
        step_name=step,
        reason=reason,
        channel=channel,
    )
    log(
        instance=publish_request,
        action=f"prongsai.publishing.{action}",
        user=actor,
        data={"step": step, "reason": reason, "channel": channel, "status": publish_request.status},
    )
    return event


def _check_category_enabled(publish_request) -> None:
    """Only a category the agency uses may be requested (R60–R64: its policy, not the standard's)."""
    if publish_request.category and publish_request.category not in dict(category_choices()):
        raise ValidationError(
            {
                "category": _("หน่วยงานไม่ได้ใช้หมวด “%(category)s” บนเว็บไซต์ กรุณาเลือกหมวดจากรายการ")
                % {"category": category_label(publish_request.category)}
            }
        )


def _validate_files(files, user) -> list:
    """The attachments to store (images re-encoded); every refused one is in the audit log."""
    errors, checked = [], []
    policy = policy_for()
    for uploaded in files:
        extension = os.path.splitext(uploaded.name or "")[1].lstrip(".")
        if not policy.accepts_file(extension):
            errors.append(
                _("ไฟล์ %(name)s เป็นชนิดที่หน่วยงานไม่รับ (รับเฉพาะ %(kinds)s)")
                % {
                    "name": os.path.basename(uploaded.name or ""),
                    "kinds": ", ".join(policy.accepted_file_kinds),
                }
            )
            continue
        try:
            checked.append(checked_upload(uploaded, ATTACHMENT, user=user))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def _attach(publish_request, files) -> None:
    for uploaded in files:
        RequestAttachment.objects.create(
            request=publish_request, file=uploaded, original_name=uploaded.name[:255]
        )


def _mark_approved(publish_request, now) -> None:
    publish_request.status = Status.APPROVED
    publish_request.approved_at = now
    publish_request.due_date = add_working_days(timezone.localdate(now), deadline_working_days())


def _check_unit_head_steps(publish_request, steps) -> None:
    """A unit-head step nobody could decide would leave the request waiting for ever: refused
    (the unit has no head, or the head is the requester, and the step names no delegate)."""
    head = publish_request.unit.head
    head_id = head.pk if head is not None and head.is_active else None
    for step in steps:
        if (
            not step.is_unit_head_step
            or step.delegates.exclude(pk=publish_request.requester_id).exists()
        ):
            continue
        if head_id is None:
            _refuse(
                _(
                    "หน่วยงาน “%(unit)s” ยังไม่ได้กำหนดหัวหน้าหน่วยงาน จึงไม่มีผู้พิจารณาขั้นตอน"
                    " “%(step)s” กรุณาแจ้งผู้ดูแลระบบให้กำหนดหัวหน้าหน่วยงานหรือผู้ได้รับมอบหมาย"
                )
                % {"unit": publish_request.unit, "step": step.name}
            )
        if head_id == publish_request.requester_id:
            _refuse(
                _(
                    "ท่านเป็นหัวหน้าหน่วยงานเจ้าของข้อมูล จึงพิจารณาขั้นตอน “%(step)s”"
                    " ของคำขอของตนเองไม่ได้ และขั้นตอนนี้ยังไม่มีผู้ได้รับมอบหมาย"
                    " กรุณาแจ้งผู้ดูแลระบบให้กำหนดผู้ได้รับมอบหมาย"
                )
                % {"step": step.name}
            )


def _enter_route(publish_request, actor) -> None:
    """Send a (re)submitted request to its first step, or straight to the publisher."""
    route = publish_request.information_class.route
    steps = route.ordered_steps()
    _check_unit_head_steps(publish_request, steps)
    publish_request.current_step = 0
    if steps:
        publish_request.status = Status.PENDING
        publish_request.save()
        # Reviewers decide in Wagtail's moderation screens (or ours); both call these services.
        workflows.start_request_workflow(publish_request, actor)
        notify.notify_awaiting_approval(publish_request, steps[0])
        return
    _mark_approved(publish_request, timezone.now())
    publish_request.save()
    if route.kind == RouteKind.PRIOR_APPROVAL:
        reason = _("อนุมัติแล้วตามหนังสือเลขที่ %(number)s ลงวันที่ %(date)s") % {
            "number": publish_request.prior_approval_number,
            "date": thai_date(publish_request.prior_approval_date),
        }
        channel, role = Channel.PRIOR, _("อนุมัติแล้วจากที่อื่น")
    else:
        reason = _("ยกเว้น: ข้อมูลตามภารกิจประจำตามแนวปฏิบัติ")
        channel, role = Channel.EXEMPT, _("ยกเว้นตามแนวปฏิบัติ")
    # Nobody approved in the system: the event has no actor, so no form names the requester
    # (or anyone else) as the approver.
    _record(publish_request, None, role, Action.APPROVED, reason=reason, channel=channel)
    notify.notify_awaiting_publication(publish_request)


def request_submit(user, *, data: dict, files=()) -> PublishRequest:
    """A data owner files a new request (R21)."""
    if not user_has_role(user, Role.DATA_OWNER):
        _refuse(_("เฉพาะเจ้าของข้อมูลเท่านั้นที่ยื่นคำขอเผยแพร่ได้"))
    if user.unit_id is None:
        _refuse(_("บัญชีของท่านยังไม่ได้ระบุหน่วยงาน กรุณาติดต่อผู้ดูแลระบบ"))
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    publish_request = PublishRequest(requester=user, unit=user.unit, **fields)
    publish_request.full_clean()
    _check_category_enabled(publish_request)
    files = _validate_files(files, user)
    with transaction.atomic():
        publish_request.submitted_at = timezone.now()
        publish_request.save()
        _attach(publish_request, files)
        # The request carries its page from the start: a draft in the target category.
        publish_request.target_page = create_draft(publish_request, user)
        publish_request.save(update_fields=["target_page"])
        _record(publish_request, user, Role.DATA_OWNER.label, Action.SUBMITTED)
        _enter_route(publish_request, user)
    return publish_request


def _check_decider(user, publish_request):
    refusal = permissions.decide_refusal(user, publish_request)
    if refusal:
        refuse(refusal)
    return publish_request.pending_step()


def request_approve(user, publish_request, *, note: str = "") -> PublishRequest:
    with transaction.atomic():
        publish_request = _locked(publish_request)
        step = _check_decider(user, publish_request)
        publish_request.current_step += 1
        next_step = publish_request.pending_step()
        if next_step is None:
            _mark_approved(publish_request, timezone.now())
        publish_request.save()
        _record(
            publish_request,
            user,
            step.decider_capacity(user),
            Action.APPROVED,
            step=step.name,
            reason=note,
        )
        workflows.record_decision(publish_request, user, "approve", note)
        if next_step is None:
            notify.notify_awaiting_publication(publish_request)
        else:
            notify.notify_awaiting_approval(publish_request, next_step)
    return publish_request


def _participants(publish_request, *, excluding):
    actors = {
        event.actor
        for event in publish_request.events.select_related("actor")
        if event.actor is not None and event.actor.pk != excluding.pk
    }
    return [publish_request.requester, *sorted(actors, key=lambda actor: actor.pk)]


def request_reject(user, publish_request, *, reason: str) -> PublishRequest:
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("กรุณาระบุเหตุผลที่ไม่อนุมัติ"))
    with transaction.atomic():
        publish_request = _locked(publish_request)
        step = _check_decider(user, publish_request)
        publish_request.status = Status.REJECTED
        publish_request.save()
        _record(
            publish_request,
            user,
            step.decider_capacity(user),
            Action.REJECTED,
            step=step.name,
            reason=reason,
        )
        workflows.record_decision(publish_request, user, "reject", reason)
        notify.notify_rejected(
            publish_request, reason, _participants(publish_request, excluding=user)
        )
    return publish_request


def request_return_for_correction(user, publish_request, *, reason: str) -> PublishRequest:
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("กรุณาระบุสิ่งที่ต้องแก้ไข"))
    with transaction.atomic():
        publish_request = _locked(publish_request)
        step = _check_decider(user, publish_request)
        publish_request.status = Status.RETURNED
        publish_request.current_step = 0
        publish_request.save()
        _record(
            publish_request,
            user,
            step.decider_capacity(user),
            Action.RETURNED,
            step=step.name,
            reason=reason,
        )
        workflows.record_decision(publish_request, user, "return", reason)
        notify.notify_returned(publish_request, reason, [publish_request.requester])
    return publish_request


def request_resubmit(user, publish_request, *, data: dict, files=()) -> PublishRequest:
    """The owner corrects a returned request and sends the same request again."""
    # Checked before the transaction so a refused file's audit entry is kept.
    files = _validate_files(files, user)
    with transaction.atomic():
        publish_request = _locked(publish_request)
        if user.pk != publish_request.requester_id:
            _refuse(_("เฉพาะผู้ยื่นคำขอเท่านั้นที่แก้ไขและยื่นคำขอนี้ใหม่ได้"))
        if publish_request.status != Status.RETURNED:
            _refuse(_("คำขอนี้ไม่ได้อยู่ในสถานะส่งกลับให้แก้ไข"))
        for name in EDITABLE_FIELDS:
            if name in data:
                setattr(publish_request, name, data[name])
        publish_request.full_clean()
        _check_category_enabled(publish_request)
        _attach(publish_request, files)
        update_draft(publish_request, user)
        _record(publish_request, user, Role.DATA_OWNER.label, Action.RESUBMITTED)
        _enter_route(publish_request, user)
    return publish_request


def _check_publisher(user):
    if not permissions.is_publisher(user):
        refuse(_("เฉพาะผู้เผยแพร่เท่านั้นที่ดำเนินการขั้นตอนนี้ได้"))


def _check_ready(publish_request, *, files_checked: bool, category_checked: bool) -> None:
    errors = missing_for_publication(publish_request)
    if not files_checked:
        errors.append(_("กรุณาเปิดตรวจไฟล์แนบทุกไฟล์และยืนยันว่าเปิดได้"))
    if not category_checked:
        errors.append(_("กรุณายืนยันว่าหมวดที่จะเผยแพร่ถูกต้อง"))
    for attachment in publish_request.attachments.all():
        try:
            with attachment.file.open("rb") as handle:
                validate_upload(handle)
        except (OSError, ValidationError):
            errors.append(
                _("ไฟล์แนบ %(name)s เปิดไม่ได้หรือเสียหาย") % {"name": attachment.original_name}
            )
    if errors:
        raise ValidationError(errors)


def _go_live(user, publish_request, target_page) -> None:
    page = publish_page(publish_request, user, target_page or publish_request.target_page)
    publish_request.target_page = page
    publish_request.public_url = page.full_url or ""
    publish_request.status = Status.PUBLISHED
    publish_request.published_at = timezone.now()
    publish_request.save()


def _apply_page_fields(publish_request, page_fields: dict | None) -> None:
    """What the publisher adds in the publish form for the category's page (laws, knowledge…)."""
    if not page_fields:
        return
    from .pages import extra_fields_for

    allowed = extra_fields_for(publish_request.category)
    for name, value in page_fields.items():
        if name in allowed and value not in (None, ""):
            setattr(publish_request, name, value)
    publish_request.full_clean()
    publish_request.save()


def request_publish(
    user,
    publish_request,
    *,
    files_checked: bool,
    category_checked: bool,
    target_page=None,
    page_fields: dict | None = None,
) -> PublishRequest:
    """After approval the publisher checks files and category, then publishes (R21, R25)."""
    _check_publisher(user)
    with transaction.atomic():
        publish_request = _locked(publish_request)
        if publish_request.status != Status.APPROVED:
            _refuse(
                _("คำขอนี้ยังไม่ได้รับอนุมัติ (สถานะ: %(status)s) จึงเผยแพร่ไม่ได้")
                % {"status": publish_request.get_status_display()}
            )
        _apply_page_fields(publish_request, page_fields)
        _check_ready(
            publish_request, files_checked=files_checked, category_checked=category_checked
        )
        _go_live(user, publish_request, target_page)
        _record(
            publish_request,
            user,
            Role.PUBLISHER.label,
            Action.PUBLISHED,
            reason=publish_request.public_url,
        )
        notify.notify_published(publish_request)
    return publish_request


def request_send_back(user, publish_request, *, reason: str) -> PublishRequest:
    """The publisher finds a problem (file will not open, wrong category) and returns it."""
    _check_publisher(user)
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("กรุณาระบุเหตุผลที่ส่งกลับ"))
    with transaction.atomic():
        publish_request = _locked(publish_request)
        if publish_request.status != Status.APPROVED:
            _refuse(_("ส่งกลับได้เฉพาะคำขอที่อนุมัติแล้วและยังไม่ได้เผยแพร่"))
        publish_request.status = Status.RETURNED
        publish_request.current_step = 0
        publish_request.due_date = None
        publish_request.save()
        _record(publish_request, user, Role.PUBLISHER.label, Action.SENT_BACK, reason=reason)
        notify.notify_returned(
            publish_request, reason, _participants(publish_request, excluding=user)
        )
    return publish_request


def verbal_approval_record(
    user,
    publish_request,
    *,
    approver,
    approved_at: dt.datetime,
    method: str,
    urgency_reason: str,
    files_checked: bool,
    category_checked: bool,
    target_page=None,
    page_fields: dict | None = None,
) -> PublishRequest:
    """Publish an urgent request on the approver's spoken word, recorded for confirmation (R22)."""
    _check_publisher(user)
    urgency_reason = (urgency_reason or "").strip()
    with transaction.atomic():
        publish_request = _locked(publish_request)
        if publish_request.status != Status.PENDING:
            _refuse(_("บันทึกการอนุมัติด้วยวาจาได้เฉพาะคำขอที่รออนุมัติ"))
        if publish_request.urgency != Urgency.URGENT:
            _refuse(_("การอนุมัติด้วยวาจาใช้ได้เฉพาะคำขอเร่งด่วน"))
        if not urgency_reason:
            _refuse(_("กรุณาระบุเหตุผลความเร่งด่วน"))
        if approver is None or approver.pk == publish_request.requester_id:
            _refuse(_("ผู้อนุมัติด้วยวาจาต้องไม่ใช่ผู้ยื่นคำขอ"))
        step = publish_request.pending_step()
        if step is None or not step.can_decide(approver, publish_request):
            _refuse(_("ผู้ที่ระบุไม่มีสิทธิ์อนุมัติคำขอนี้"))
        if approved_at > timezone.now():
            _refuse(_("เวลาที่อนุมัติต้องไม่อยู่ในอนาคต"))
        _apply_page_fields(publish_request, page_fields)
        _check_ready(
            publish_request, files_checked=files_checked, category_checked=category_checked
        )
        verbal = VerbalApproval(
            request=publish_request,
            approver=approver,
            approved_at=approved_at,
            method=method,
            urgency_reason=urgency_reason,
            recorded_by=user,
        )
        verbal.full_clean()
        verbal.save()
        _mark_approved(publish_request, approved_at)
        publish_request.current_step = len(publish_request.steps())
        # The decision was made outside the system: Wagtail's review of the page ends here.
        workflows.cancel_request_workflow(publish_request, user)
        _record(
            publish_request,
            user,
            Role.PUBLISHER.label,
            Action.VERBAL_RECORDED,
            step=step.name,
            reason=_("อนุมัติโดย %(name)s %(method)s เหตุผลความเร่งด่วน: %(reason)s")
            % {
                "name": approver.display_name(),
                "method": verbal.get_method_display(),
                "reason": urgency_reason,
            },
            channel=method,
        )
        _go_live(user, publish_request, target_page)
        _record(
            publish_request,
            user,
            Role.PUBLISHER.label,
            Action.PUBLISHED,
            reason=publish_request.public_url,
        )
        notify.notify_published(publish_request)
        notify.notify_verbal_confirmation_needed(publish_request, verbal)
    return publish_request


def verbal_approval_confirm(user, publish_request) -> PublishRequest:
    with transaction.atomic():
        publish_request = _locked(publish_request)
        verbal = VerbalApproval.objects.select_for_update().filter(request=publish_request).first()
        if verbal is None:
            _refuse(_("คำขอนี้ไม่มีการอนุมัติด้วยวาจาที่ต้องยืนยัน"))
        if verbal.approver_id != user.pk:
            _refuse(_("เฉพาะผู้อนุมัติที่ถูกระบุในบันทึกเท่านั้นที่ยืนยันได้"))
        if verbal.is_confirmed:
            _refuse(_("การอนุมัติด้วยวาจานี้ได้รับการยืนยันแล้ว"))
        verbal.confirmed_at = timezone.now()
        verbal.confirmed_by = user
        verbal.save(update_fields=["confirmed_at", "confirmed_by"])
        _record(publish_request, user, Role.APPROVER.label, Action.VERBAL_CONFIRMED)
        notify.notify_verbal_confirmed(publish_request, verbal)
    return publish_request


def _class_for_revision(page):
    """The route a revision takes: the page's last request's class, else the default one."""
    from .models import InformationClass

    last = (
        PublishRequest.objects.filter(target_page=page)
        .select_related("information_class")
        .order_by("-submitted_at")
        .first()
    )
    if last is not None:
        return last.information_class, last
    code = policy_for().revision_class_code
    classes = InformationClass.objects.select_related("route").exclude(
        route__kind=RouteKind.PRIOR_APPROVAL
    )
    chosen = classes.filter(code=code).first() if code else None
    # "Re-approved like a new one" (R31): prefer a class whose route has an approval step.
    chosen = chosen or next((c for c in classes if c.route.ordered_steps()), None)
    return chosen or classes.first(), None


def open_revision_request(*, page, user, note: str):
    """Open a request to revise a live page through the normal approval route (R31).

    Called by the periodic review's "revise" action (prongsai/monitoring/services.py). The
    request carries the existing page: a new draft revision goes through the route's workflow
    and the publisher publishes it like any approved request. If the agency has configured no
    information class at all, nothing can route it: the draft revision is saved and logged, so
    the change still waits for someone to publish it.
    """
    from prongsai.core.categories import CATEGORIES

    page = page.specific
    note = (note or "").strip()
    if not note:
        _refuse(_("กรุณาระบุสิ่งที่ต้องปรับปรุง"))
    if not permissions.can_open_revision(user, page):
        refuse(_("ท่านไม่มีสิทธิ์ขอปรับปรุงหน้านี้"))
    information_class, last = _class_for_revision(page)
    if information_class is None:
        with transaction.atomic():
            revision = page.save_revision(user=user)
            log(
                instance=page,
                action="prongsai.publishing.revision-unrouted",
                user=user,
                data={"note": note},
            )
        return revision
    category = getattr(page, "category_code", "") or (last.category if last else "")
    if category not in CATEGORIES:
        _refuse(_("หน้านี้ไม่อยู่ในหมวดตามมาตรฐาน จึงเปิดคำขอปรับปรุงไม่ได้"))
    unit = getattr(page, "owner_unit", None) or user.unit
    if unit is None:
        _refuse(_("ไม่ทราบหน่วยงานเจ้าของข้อมูลของหน้านี้ กรุณาระบุหน่วยงานในหน้าเว็บหรือบัญชีผู้ใช้"))
    publish_request = PublishRequest(
        title=page.title,
        summary=note,
        category=category,
        source=getattr(page, "source", "") or str(unit),
        info_period_start=getattr(page, "info_period_start", None) or timezone.localdate(),
        info_period_end=getattr(page, "info_period_end", None),
        information_class=information_class,
        prior_approval_number=last.prior_approval_number if last else "",
        prior_approval_date=last.prior_approval_date if last else None,
        requester=user,
        unit=unit,
        target_page=page,
        is_revision=True,
    )
    for name in EDITABLE_FIELDS:
        if hasattr(page, name) and name not in ("title", "source", "category", "summary"):
            value = getattr(page, name)
            if value not in (None, "") and not hasattr(value, "pk"):
                setattr(publish_request, name, value)
    publish_request.full_clean()
    with transaction.atomic():
        publish_request.submitted_at = timezone.now()
        publish_request.save()
        # The revision the reviewers approve (the owner edits it in Wagtail's editor).
        page.save_revision(user=user)
        _record(
            publish_request,
            user,
            Role.DATA_OWNER.label,
            Action.SUBMITTED,
            reason=_("ขอปรับปรุงข้อมูลที่เผยแพร่แล้ว: %(note)s") % {"note": note},
        )
        _enter_route(publish_request, user)
    return publish_request
