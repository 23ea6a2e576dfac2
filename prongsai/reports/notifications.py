"""Thai e-mails about reports, queued to go out only after the transaction commits."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core.thaidate import thai_date

from .permissions import supervisors

logger = logging.getLogger(__name__)
SIGNATURE = "ระบบรายงานผลการดำเนินงานเว็บไซต์ (Prongsai)"


def report_url(report) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("reports_admin:detail", args=[report.pk])


def _addresses(users) -> list[str]:
    seen = []
    for user in users:
        if user is not None and user.is_active and user.email and user.email not in seen:
            seen.append(user.email)
    return seen


def _send(subject, lines, recipients, attachment=None) -> None:
    body = "\n".join([*lines, "", SIGNATURE])
    try:
        message = EmailMessage(f"[รายงาน] {subject}", body, settings.DEFAULT_FROM_EMAIL, recipients)
        if attachment is not None:
            message.attach(*attachment())
        message.send()
    except Exception:  # a mail outage must not undo a recorded decision
        logger.exception("report notification failed: %s", subject)


def send_later(users, subject: str, lines: list[str], attachment=None) -> None:
    recipients = _addresses(users)
    if recipients:
        transaction.on_commit(lambda: _send(subject, lines, recipients, attachment))


def webmasters() -> list:
    return list(users_with_role(Role.WEBMASTER))


def notify_opened(report) -> None:
    send_later(
        webmasters(),
        f"ร่างรายงาน{report.label}",
        [
            f"รอบ{report.label} ({report.period.range_label}) สิ้นสุดแล้ว",
            "ระบบสร้างร่างรายงานพร้อมตัวเลขจากระบบ กรุณาเขียนผลการดำเนินงาน ปัญหา อุปสรรค และข้อเสนอแนะ",
            f"กำหนดเสนอผู้บังคับบัญชาภายในวันที่ {thai_date(report.due_date)}",
            report_url(report),
        ],
    )


def notify_submitted(report) -> None:
    send_later(
        supervisors(report.site),
        f"รายงาน{report.label} รอท่านพิจารณา",
        [
            f"{report.submitted_by.display_name()} เสนอรายงาน{report.label}",
            f"กำหนดส่ง {thai_date(report.due_date)}",
            report_url(report),
        ],
    )


def notify_returned(report, reason: str) -> None:
    send_later(
        [report.submitted_by, *webmasters()],
        f"รายงาน{report.label} ถูกส่งกลับให้แก้ไข",
        [f"เหตุผล: {reason}", report_url(report)],
    )


def notify_approved(report) -> None:
    """The approved report, its PDF attached, to the executives and the web team."""
    from .exports import render_report_pdf

    def attachment():
        return (
            f"report-{report.period_start:%Y%m}-{report.period_end:%Y%m}.pdf",
            render_report_pdf(report),
            "application/pdf",
        )

    executives = list(users_with_role(Role.EXECUTIVE))
    send_later(
        [*executives, report.submitted_by, *webmasters()],
        f"รายงาน{report.label} (อนุมัติแล้ว)",
        [
            f"{report.approved_by.display_name()} อนุมัติรายงาน{report.label}"
            f" เมื่อ {thai_date(report.approved_at)}",
            "แนบไฟล์รายงานฉบับ PDF",
            report_url(report),
        ],
        attachment,
    )
    if executives:
        from .models import Report

        transaction.on_commit(
            lambda: Report.objects.filter(pk=report.pk).update(delivered_at=timezone.now())
        )
