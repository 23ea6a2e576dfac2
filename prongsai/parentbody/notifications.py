"""Thai e-mails of the parent body's collection, queued to go out only after the commit."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q

from prongsai.core.thaidate import thai_date

from .permissions import COORDINATOR_PERMISSION

logger = logging.getLogger(__name__)
SIGNATURE = "ระบบรับรายงานของหน่วยงานในสังกัด (Prongsai)"


def _send(subject, lines, recipients) -> None:
    body = "\n".join([*lines, "", SIGNATURE])
    try:
        EmailMessage(
            f"[รายงานต่อจังหวัด] {subject}", body, settings.DEFAULT_FROM_EMAIL, recipients
        ).send()
    except Exception:  # a mail outage must not undo a recorded submission
        logger.exception("parent-body notification failed: %s", subject)


def send_later(addresses, subject: str, lines: list[str]) -> None:
    recipients = sorted({a for a in addresses if a})
    if recipients:
        transaction.on_commit(lambda: _send(subject, lines, recipients))


def coordinator_addresses() -> list[str]:
    app, codename = COORDINATOR_PERMISSION.split(".")
    perm = Q(
        groups__permissions__codename=codename, groups__permissions__content_type__app_label=app
    )
    users = get_user_model().objects.filter(Q(is_superuser=True) | perm, is_active=True).distinct()
    return [u.email for u in users]


def agency_addresses(agency) -> list[str]:
    people = [r.user.email for r in agency.reporters.select_related("user") if r.user.is_active]
    return [agency.contact_email, *people]


def notify_submitted(submission) -> None:
    late = " (ส่งหลังกำหนด)" if submission.is_late else ""
    send_later(
        coordinator_addresses(),
        f"{submission.agency} ส่งรายงาน{submission.round}{late}",
        [f"{submission.agency} ส่งรายงาน{submission.round} แล้ว{late}"],
    )


def notify_returned(submission, reason: str) -> None:
    send_later(
        agency_addresses(submission.agency),
        f"รายงาน{submission.round} ถูกส่งกลับให้แก้ไข",
        [f"จังหวัดส่งรายงาน{submission.round} ของ{submission.agency} กลับให้แก้ไข", f"เหตุผล: {reason}"],
    )


def notify_accepted(submission) -> None:
    send_later(
        agency_addresses(submission.agency),
        f"จังหวัดรับรายงาน{submission.round} แล้ว",
        [f"จังหวัดรับรายงาน{submission.round} ของ{submission.agency} เรียบร้อยแล้ว"],
    )


def send_reminder(agency, deadline) -> None:
    send_later(
        agency_addresses(agency),
        f"เตือนกำหนดส่ง{deadline.round}",
        [
            f"เรียน {agency}",
            f"ยังไม่ได้รับ{deadline.round} ({deadline.label}) จากหน่วยงานของท่าน",
            f"กำหนดส่งภายในวันที่ {thai_date(deadline.due_on)}",
        ],
    )
