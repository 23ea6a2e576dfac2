"""Thai e-mails to the people a step concerns, sent only after the transaction commits.

Inside the Wagtail admin the same people see the request on their "waiting for you" panel
(wagtail_hooks.py), so nothing depends on the e-mail arriving.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core.thaidate import thai_date


def site_root_url() -> str:
    """The address the agency's site is configured to answer on (Wagtail's default Site),
    not a setting left at its development default."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")


def admin_url(publish_request) -> str:
    return site_root_url() + reverse("publishing_admin:detail", args=[publish_request.pk])


def _addresses(users) -> list[str]:
    seen, addresses = set(), []
    for user in users:
        if user is not None and user.email and user.email not in seen:
            seen.add(user.email)
            addresses.append(user.email)
    return addresses


logger = logging.getLogger(__name__)


def _send(subject, body, recipients) -> None:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # a mail outage must not undo a recorded decision
        logger.exception("publishing notification failed: %s", subject)


def send_later(users, subject: str, lines: list[str]) -> None:
    recipients = _addresses(users)
    if not recipients:
        return
    body = "\n".join([*lines, "", "ระบบเผยแพร่ข้อมูลบนเว็บไซต์ (Prongsai)"])
    transaction.on_commit(lambda: _send(f"[เผยแพร่ข้อมูล] {subject}", body, recipients))


def approvers_for_step(step, publish_request) -> list:
    candidates = list(step.delegates.all())
    role_holders = users_with_role(Role(step.approver_role))
    if step.approver_unit_id:
        role_holders = role_holders.filter(unit_id=step.approver_unit_id)
    candidates += list(role_holders)
    head = getattr(publish_request.unit, "head", None)
    if head is not None and step.approver_role == Role.APPROVER.value:
        candidates.append(head)
    return [user for user in candidates if user.pk != publish_request.requester_id]


def publishers_for(publish_request) -> list:
    assigned = getattr(publish_request.unit, "publishers", None)
    if assigned is not None and hasattr(assigned, "all") and assigned.exists():
        return list(assigned.all())
    return list(users_with_role(Role.PUBLISHER))


def _heading(publish_request) -> list[str]:
    return [
        f"คำขอเลขที่ {publish_request.number} เรื่อง {publish_request.title}",
        f"หน่วยงาน: {publish_request.unit}",
    ]


def notify_awaiting_approval(publish_request, step) -> None:
    send_later(
        approvers_for_step(step, publish_request),
        f"คำขอรอการอนุมัติ: {publish_request.title}",
        [
            *_heading(publish_request),
            f"ขั้นตอน: {step.name}",
            f"ผู้ขอ: {publish_request.requester.display_name()}",
            f"พิจารณาได้ที่ {admin_url(publish_request)}",
        ],
    )


def notify_awaiting_publication(publish_request) -> None:
    send_later(
        publishers_for(publish_request),
        f"คำขอได้รับอนุมัติ รอเผยแพร่: {publish_request.title}",
        [
            *_heading(publish_request),
            f"กรุณาเผยแพร่ภายในวันที่ {thai_date(publish_request.due_date)}",
            f"ดำเนินการได้ที่ {admin_url(publish_request)}",
        ],
    )
    send_later(
        [publish_request.requester],
        f"คำขอได้รับอนุมัติแล้ว: {publish_request.title}",
        [
            *_heading(publish_request),
            f"ได้รับอนุมัติแล้ว กำหนดเผยแพร่ภายในวันที่ {thai_date(publish_request.due_date)}",
            f"ติดตามได้ที่ {admin_url(publish_request)}",
        ],
    )


def notify_rejected(publish_request, reason: str, recipients) -> None:
    send_later(
        recipients,
        f"คำขอไม่ได้รับอนุมัติ: {publish_request.title}",
        [*_heading(publish_request), f"เหตุผล: {reason}", f"รายละเอียด {admin_url(publish_request)}"],
    )


def notify_returned(publish_request, reason: str, recipients) -> None:
    send_later(
        recipients,
        f"คำขอถูกส่งกลับให้แก้ไข: {publish_request.title}",
        [
            *_heading(publish_request),
            f"สิ่งที่ต้องแก้ไข: {reason}",
            f"แก้ไขแล้วยื่นใหม่ได้ที่ {admin_url(publish_request)}",
        ],
    )


def notify_published(publish_request) -> None:
    send_later(
        [publish_request.requester],
        f"เผยแพร่แล้ว: {publish_request.title}",
        [
            *_heading(publish_request),
            f"เผยแพร่บนเว็บไซต์แล้วที่ {publish_request.public_url}",
            f"หลักฐานคำขอ {admin_url(publish_request)}",
        ],
    )


def notify_verbal_confirmation_needed(publish_request, verbal) -> None:
    send_later(
        [verbal.approver],
        f"โปรดยืนยันการอนุมัติด้วยวาจา: {publish_request.title}",
        [
            *_heading(publish_request),
            f"ผู้เผยแพร่ {verbal.recorded_by.display_name()} บันทึกว่าท่านอนุมัติ"
            f"{verbal.get_method_display()} และได้เผยแพร่แล้วที่ {publish_request.public_url}",
            f"เหตุผลความเร่งด่วน: {verbal.urgency_reason}",
            f"โปรดยืนยันที่ {admin_url(publish_request)}",
        ],
    )


def notify_verbal_confirmed(publish_request, verbal) -> None:
    send_later(
        [publish_request.requester, verbal.recorded_by],
        f"ยืนยันการอนุมัติด้วยวาจาแล้ว: {publish_request.title}",
        [*_heading(publish_request), f"{verbal.approver.display_name()} ยืนยันการอนุมัติแล้ว"],
    )
