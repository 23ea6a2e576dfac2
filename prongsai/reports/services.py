"""Every change of a report's state, one function each (R35).

Each checks the actor's permission (permissions.py), validates, changes the report inside one
transaction, writes Wagtail's audit log (actions ``prongsai.report.*``) and queues the e-mails
for after commit. A refusal raises ValidationError with a Thai message and changes nothing.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from . import notifications as notify
from . import permissions
from .models import WRITTEN_FIELDS, Report, ReportingSettings, ReportStatus
from .periods import Period
from .selectors import compile_figures
from .text import clean_pasted


def _refuse(message: str):
    raise ValidationError(message)


def _locked(report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


def _log(report, action: str, user, **data) -> None:
    log(instance=report, action=f"prongsai.report.{action}", user=user, data=data)


def previous_approved(report_or_site, period: Period):
    site = getattr(report_or_site, "site", report_or_site)
    return (
        Report.objects.filter(site=site, status=ReportStatus.APPROVED, period_end__lt=period.end)
        .order_by("-period_end", "period_start")
        .first()
    )


def open_report(*, site, period: Period, user=None, today: dt.date | None = None) -> Report:
    """Open the draft report of an ended period. ``user`` is None when the periodic job opens it."""
    if user is not None and not permissions.is_writer(user):
        _refuse(_("เฉพาะผู้ดูแลเว็บไซต์หรือผู้ดูแลระบบเท่านั้นที่เปิดรายงานได้"))
    today = today or timezone.localdate()
    if not period.has_ended(today):
        _refuse(
            _("%(label)s ยังไม่สิ้นสุด (สิ้นสุดวันที่ %(end)s) จึงยังจัดทำรายงานไม่ได้")
            % {"label": period.label, "end": period.range_label.split(" – ")[1]}
        )
    duplicate = Report.objects.filter(
        site=site, period_start=period.start, period_end=period.end
    ).first()
    if duplicate is not None:
        _refuse(
            _("มีรายงาน%(label)s อยู่แล้ว (สถานะ%(status)s)")
            % {"label": period.label, "status": duplicate.get_status_display()}
        )
    policy = ReportingSettings.for_site(site)
    report = Report(
        site=site,
        fiscal_year=period.fiscal_year,
        round=period.round,
        period_start=period.start,
        period_end=period.end,
        due_date=period.end + dt.timedelta(days=policy.due_days),
    )
    try:
        with transaction.atomic():
            report.save()
            _log(report, "opened", user, period=period.label, due=report.due_date.isoformat())
            notify.notify_opened(report)
    except IntegrityError:  # the job and a webmaster opened it at the same moment
        _refuse(_("มีรายงาน%(label)s อยู่แล้ว") % {"label": period.label})
    return report


def _check_editable(user, report) -> None:
    if report.is_frozen:
        _refuse(_("รายงานนี้อนุมัติแล้ว จึงแก้ไขไม่ได้ ตัวเลขและข้อความถูกบันทึกไว้ตามที่อนุมัติ"))
    if report.status == ReportStatus.SUBMITTED:
        _refuse(_("รายงานนี้อยู่ระหว่างการพิจารณาของผู้บังคับบัญชา แก้ไขได้เมื่อถูกส่งกลับ"))
    if not permissions.is_writer(user):
        _refuse(_("เฉพาะผู้ดูแลเว็บไซต์หรือผู้ดูแลระบบเท่านั้นที่เขียนรายงานได้"))


def save_written(user, report, *, data: dict) -> Report:
    """The web team writes results, problems, obstacles and suggestions beside the figures."""
    with transaction.atomic():
        report = _locked(report)
        _check_editable(user, report)
        changed = []
        for name in WRITTEN_FIELDS:
            if name in data:
                value = clean_pasted(data[name])
                if value != getattr(report, name):
                    setattr(report, name, value)
                    changed.append(name)
        if changed:
            report.save(update_fields=changed)
            _log(report, "edited", user, fields=changed)
    return report


def submit_report(user, report) -> Report:
    with transaction.atomic():
        report = _locked(report)
        _check_editable(user, report)
        if not report.results.strip():
            _refuse(_("กรุณาเขียนผลการดำเนินงานก่อนเสนอรายงาน"))
        if not permissions.supervisors(report.site):
            _refuse(_("ยังไม่ได้กำหนดผู้บังคับบัญชาที่พิจารณารายงาน กรุณาตั้งค่าการรายงานก่อน"))
        report.status = ReportStatus.SUBMITTED
        report.submitted_by = user
        report.submitted_at = timezone.now()
        report.save(update_fields=["status", "submitted_by", "submitted_at"])
        _log(report, "submitted", user)
        notify.notify_submitted(report)
    return report


def _check_decider(user, report) -> None:
    if report.status != ReportStatus.SUBMITTED:
        _refuse(
            _("รายงานนี้อยู่ในสถานะ “%(status)s” ไม่ได้รอการพิจารณา")
            % {"status": report.get_status_display()}
        )
    if user.pk == report.submitted_by_id:
        _refuse(_("ท่านเป็นผู้เสนอรายงานนี้เอง จึงอนุมัติหรือส่งกลับรายงานของตนเองไม่ได้"))
    if not permissions.can_decide(user, report):
        _refuse(_("เฉพาะผู้บังคับบัญชาที่กำหนดไว้เท่านั้นที่พิจารณารายงานได้"))


def return_report(user, report, *, reason: str) -> Report:
    reason = clean_pasted(reason)
    if not reason:
        _refuse(_("กรุณาระบุเหตุผลที่ส่งกลับให้แก้ไข"))
    with transaction.atomic():
        report = _locked(report)
        _check_decider(user, report)
        report.status = ReportStatus.RETURNED
        report.return_reason = reason
        report.save(update_fields=["status", "return_reason"])
        _log(report, "returned", user, reason=reason)
        notify.notify_returned(report, reason)
    return report


def approve_report(user, report, *, today: dt.date | None = None) -> Report:
    """Approve and freeze: the figures are compiled once more and stored with the report."""
    with transaction.atomic():
        report = _locked(report)
        _check_decider(user, report)
        previous = previous_approved(report, report.period)
        report.snapshot = compile_figures(
            report.site,
            report.period,
            today=today,
            previous=previous.snapshot if previous else None,
        )
        report.status = ReportStatus.APPROVED
        report.approved_by = user
        report.approved_at = timezone.now()
        report.save(update_fields=["snapshot", "status", "approved_by", "approved_at"])
        _log(report, "approved", user)
        notify.notify_approved(report)
    return report


def publish_report(user, report):
    """Publish an approved report on the public site in one step; name it as ITA/OIT evidence."""
    from prongsai.compliance.services import link_evidence

    from .publication import publish_page

    with transaction.atomic():
        report = _locked(report)
        if not report.is_frozen:
            _refuse(_("เผยแพร่ได้เฉพาะรายงานที่อนุมัติแล้ว"))
        if not permissions.can_publish(user, report):
            _refuse(_("เฉพาะผู้ดูแลเว็บไซต์หรือผู้ดูแลระบบเท่านั้นที่เผยแพร่รายงานได้"))
        if report.published_page_id is not None:
            _refuse(_("รายงานนี้เผยแพร่บนเว็บไซต์แล้ว"))
        policy = ReportingSettings.for_site(report.site)
        if policy.publish_parent is None:
            _refuse(_("ยังไม่ได้เลือกหน้าหลักที่ใช้เผยแพร่รายงาน กรุณาตั้งค่าการรายงานก่อน"))
        owner_unit = policy.owner_unit or getattr(user, "unit", None)
        if owner_unit is None:
            _refuse(_("กรุณาระบุหน่วยงานเจ้าของรายงานในการตั้งค่าการรายงาน"))
        page, document = publish_page(
            report, parent=policy.publish_parent.specific, owner_unit=owner_unit, user=user
        )
        report.published_page = page
        report.save(update_fields=["published_page"])
        if policy.evidence_item is not None:
            link_evidence(
                user=user,
                item=policy.evidence_item,
                site=report.site,
                page=page,
                note=_("รายงานผลการดำเนินงาน%(label)s") % {"label": report.label},
            )
        _log(report, "published", user, page=page.pk, document=document.pk)
    return report
