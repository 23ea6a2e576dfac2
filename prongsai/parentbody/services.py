"""Every change of a submission's state, one function each (R36).

Each checks permission, validates, changes the rows in one transaction, writes Wagtail's audit
log (actions ``prongsai.parentbody.*``) and queues e-mails for after the commit. A refusal
raises ValidationError with a Thai message and stores nothing (attachments included).
"""

import datetime as dt

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from . import notifications as notify
from . import permissions
from .models import Attachment, Channel, Reporter, Submission, SubmissionStatus
from .uploads import MAX_ATTACHMENTS, checked_attachments

REPORTER_GROUP = "ผู้รายงานของหน่วยงานในสังกัด"
TEXT_FIELDS = ("results", "problems", "obstacles", "suggestions")
SIGN_OFF_FIELDS = ("head_name", "head_position")


def _refuse(message: str):
    raise ValidationError(message)


def _log(submission, action: str, user, **data) -> None:
    log(instance=submission, action=f"prongsai.parentbody.{action}", user=user, data=data)


def _today() -> dt.date:
    return timezone.localdate()


def check_round_open(round_, today: dt.date | None = None) -> None:
    today = today or _today()
    if today < round_.opens_on:
        _refuse(_("รอบ “%(round)s” ยังไม่เปิดรับรายงาน") % {"round": round_})
    if today > round_.closes_on:
        _refuse(_("รอบ “%(round)s” ปิดรับรายงานแล้ว จึงส่งรายงานไม่ได้") % {"round": round_})


def _check_applies(round_, agency) -> None:
    if not round_.agencies.filter(pk=agency.pk).exists():
        _refuse(
            _("รอบ “%(round)s” ไม่ได้กำหนดให้%(agency)s รายงาน") % {"round": round_, "agency": agency}
        )


def missing_answers(round_, answers: dict) -> list[str]:
    """The Thai names of the required answers that are empty."""
    missing = []
    given = {c.get("title"): c for c in answers.get("categories", [])}
    for title in round_.category_list():
        answer = given.get(title) or {}
        if answer.get("published") and not answer.get("url"):
            missing.append(_("URL ของหมวด “%(title)s”") % {"title": title})
    if not (answers.get("results") or "").strip():
        missing.append(_("ผลการดำเนินงาน"))
    if not (answers.get("head_name") or "").strip():
        missing.append(_("ชื่อหัวหน้าหน่วยงานผู้รับรองรายงาน"))
    if not (answers.get("head_position") or "").strip():
        missing.append(_("ตำแหน่งหัวหน้าหน่วยงาน"))
    return missing


def _submission_for(round_, agency) -> Submission:
    submission, _created = Submission.objects.select_for_update().get_or_create(
        round=round_, agency=agency
    )
    return submission


def _store_files(submission, files) -> None:
    """Store attachments already checked by ``checked_attachments`` (images re-encoded)."""
    files = list(files or [])
    existing = submission.attachments.count()
    if existing + len(files) > MAX_ATTACHMENTS:
        _refuse(_("แนบไฟล์ได้ไม่เกิน %(n)d ไฟล์ต่อรายงาน") % {"n": MAX_ATTACHMENTS})
    for uploaded in files:
        attachment = Attachment(submission=submission, name=uploaded.name[:255])
        attachment.file.save(uploaded.name, uploaded, save=False)
        attachment.save()


def save_draft(user, round_, agency, *, answers: dict, files=()) -> Submission:
    """A reporter keeps unfinished answers (and attachments) without sending them."""
    if not permissions.can_report_for(user, agency):
        _refuse(_("ท่านรายงานได้เฉพาะในนามหน่วยงานของท่านเท่านั้น"))
    check_round_open(round_)
    _check_applies(round_, agency)
    files = checked_attachments(files, user)
    with transaction.atomic():
        submission = _submission_for(round_, agency)
        if not submission.is_editable:
            _refuse(_("รายงานนี้ส่งแล้ว แก้ไขได้เมื่อจังหวัดส่งกลับให้แก้ไข"))
        submission.answers = answers
        submission.channel = Channel.FORM
        submission.save()
        _store_files(submission, files)
        _log(submission, "draft_saved", user, files=len(list(files or ())))
    return submission


def _mark_sent(submission, user) -> None:
    submission.submitted_at = timezone.now()
    submission.is_late = (
        timezone.localdate(submission.submitted_at) > submission.round.final_deadline
    )
    submission.status = SubmissionStatus.LATE if submission.is_late else SubmissionStatus.SUBMITTED
    submission.submitted_by = user


def submit(user, round_, agency, *, answers: dict, files=()) -> Submission:
    """Send the agency's report: late after the final deadline, refused after the round closes."""
    if not permissions.can_report_for(user, agency):
        _refuse(_("ท่านรายงานได้เฉพาะในนามหน่วยงานของท่านเท่านั้น"))
    check_round_open(round_)
    _check_applies(round_, agency)
    missing = missing_answers(round_, answers)
    if missing:
        _refuse(_("กรุณากรอกข้อมูลให้ครบ: %(fields)s") % {"fields": ", ".join(missing)})
    files = checked_attachments(files, user)
    with transaction.atomic():
        submission = _submission_for(round_, agency)
        if not submission.is_editable:
            _refuse(_("รายงานนี้ส่งแล้ว แก้ไขได้เมื่อจังหวัดส่งกลับให้แก้ไข"))
        submission.answers = answers
        submission.channel = Channel.FORM
        _mark_sent(submission, user)
        submission.save()
        _store_files(submission, files)
        _log(submission, "submitted", user, late=submission.is_late, channel="form")
        notify.notify_submitted(submission)
    _queue_check(submission)
    return submission


def receive_pushed(token, round_, *, report_uuid, answers: dict, pdf: bytes | None):
    """A report pushed by an agency's own Prongsai. Returns (submission, created)."""
    agency = token.agency
    existing = Submission.objects.filter(report_uuid=report_uuid).first()
    if existing is not None:
        if existing.agency_id != agency.pk:
            _refuse(_("รหัสรายงานนี้เป็นของหน่วยงานอื่น"))
        return existing, False
    check_round_open(round_)
    _check_applies(round_, agency)
    try:
        return _store_pushed(token, round_, report_uuid, answers, pdf), True
    except IntegrityError:  # the same report arrived twice at the same moment
        return Submission.objects.get(report_uuid=report_uuid), False


def _store_pushed(token, round_, report_uuid, answers, pdf) -> Submission:
    agency = token.agency
    with transaction.atomic():
        submission = _submission_for(round_, agency)
        if not submission.is_editable:
            _refuse(_("จังหวัดได้รับรายงานรอบนี้ของหน่วยงานแล้ว ส่งใหม่ได้เมื่อจังหวัดส่งกลับให้แก้ไข"))
        submission.answers = answers
        submission.channel = Channel.API
        submission.report_uuid = report_uuid
        submission.token = token
        submission.pdf = pdf
        _mark_sent(submission, None)
        submission.save()
        _log(
            submission,
            "received",
            None,
            late=submission.is_late,
            key_id=token.key_id,
            report_uuid=str(report_uuid),
        )
        notify.notify_submitted(submission)
    _queue_check(submission)
    return submission


def _check_decider(user, submission) -> Submission:
    if not permissions.is_coordinator(user):
        _refuse(_("เฉพาะผู้ประสานการรายงานของจังหวัดเท่านั้นที่พิจารณารายงานได้"))
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.LATE):
        _refuse(
            _("รายงานนี้อยู่ในสถานะ “%(status)s” ไม่ได้รอการพิจารณา")
            % {"status": submission.get_status_display()}
        )
    return submission


def return_submission(user, submission, *, reason: str) -> Submission:
    reason = (reason or "").strip()
    if not reason:
        _refuse(_("กรุณาระบุเหตุผลที่ส่งกลับให้แก้ไข"))
    with transaction.atomic():
        submission = _check_decider(user, submission)
        submission.status = SubmissionStatus.RETURNED
        submission.return_reason = reason
        submission.save(update_fields=["status", "return_reason"])
        _log(submission, "returned", user, reason=reason)
        notify.notify_returned(submission, reason)
    return submission


def accept_submission(user, submission) -> Submission:
    with transaction.atomic():
        submission = _check_decider(user, submission)
        submission.status = SubmissionStatus.ACCEPTED
        submission.save(update_fields=["status"])
        _log(submission, "accepted", user)
        notify.notify_accepted(submission)
    return submission


def add_reporter(user, agency, person) -> Reporter:
    """Make ``person`` a reporter of ``agency`` (one agency per person) with admin access."""
    if not permissions.is_coordinator(user):
        _refuse(_("เฉพาะผู้ประสานการรายงานของจังหวัดเท่านั้นที่กำหนดผู้รายงานได้"))
    with transaction.atomic():
        current = Reporter.objects.filter(user=person).first()
        if current is not None and current.agency_id != agency.pk:
            _refuse(
                _("%(person)s เป็นผู้รายงานของ%(agency)s อยู่แล้ว")
                % {"person": person, "agency": current.agency}
            )
        reporter, _created = Reporter.objects.get_or_create(user=person, agency=agency)
        person.groups.add(reporter_group())
        log(
            instance=agency,
            action="prongsai.parentbody.reporter_added",
            user=user,
            data={"user": person.pk},
        )
    return reporter


COORDINATOR_GROUP = "ผู้ประสานการรายงานของจังหวัด"
COORDINATOR_MODELS = ("memberagency", "reportinground", "deadline")


def coordinator_group() -> Group:
    """The group whose members run the province's collection (rounds, agencies, the board)."""
    group, _created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    perms = Permission.objects.filter(
        content_type__app_label="parentbody", content_type__model__in=COORDINATOR_MODELS
    ).exclude(codename__startswith="view_")
    group.permissions.add(Permission.objects.get(codename="access_admin"), *perms)
    return group


def reporter_group() -> Group:
    group, _created = Group.objects.get_or_create(name=REPORTER_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def _queue_check(submission) -> None:
    """Check the reported websites after the commit, through the task queue."""
    from .tasks import check_submission_links

    pk = submission.pk
    transaction.on_commit(lambda: check_submission_links.enqueue(pk))
