"""Thai e-mails to the people a step concerns, sent only after the transaction commits.

Inside the Wagtail admin the same people see the request on their "waiting for you" panel
(wagtail_hooks.py), so nothing depends on the e-mail arriving.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core import notify
from prongsai.core.thaidate import thai_date


def site_root_url() -> str:
    """The address the agency's site is configured to answer on (Wagtail's default Site),
    not a setting left at its development default."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def admin_url(publish_request) -> str:
    return site_root_url() + reverse("publishing_admin:detail", args=[publish_request.pk])


def _mail(users, subject: str, lines: list[str]) -> None:
    notify.send_later(
        users,
        _("[เผยแพร่ข้อมูล] %(subject)s") % {"subject": subject},
        [*lines, "", _("ระบบเผยแพร่ข้อมูลบนเว็บไซต์ (Prongsai)")],
    )


def approvers_for_step(step, publish_request) -> list:
    """Who may decide ``step`` of the request (the e-mail's recipients and the verbal-approval
    form's choices): the same people ``RouteStep.can_decide`` lets decide."""
    candidates = list(step.delegates.all())
    if step.is_unit_head_step:
        head = publish_request.unit.head
        candidates += [head] if head is not None and head.is_active else []
    else:
        role_holders = users_with_role(Role(step.approver_role))
        if step.approver_unit_id:
            role_holders = role_holders.filter(unit_id=step.approver_unit_id)
        candidates += list(role_holders)
    unique = {user.pk: user for user in candidates if user.pk != publish_request.requester_id}
    return list(unique.values())


def publishers_for(publish_request) -> list:
    assigned = publish_request.unit.publishers.all()
    if assigned.exists():
        return list(assigned)
    return list(users_with_role(Role.PUBLISHER))


def _heading(publish_request) -> list[str]:
    return [
        _("คำขอเลขที่ %(number)s เรื่อง %(title)s")
        % {"number": publish_request.number, "title": publish_request.title},
        _("หน่วยงาน: %(unit)s") % {"unit": publish_request.unit},
    ]


def notify_awaiting_approval(publish_request, step) -> None:
    _mail(
        approvers_for_step(step, publish_request),
        _("คำขอรอการอนุมัติ: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("ขั้นตอน: %(step)s") % {"step": step.name},
            _("ผู้ขอ: %(name)s") % {"name": publish_request.requester.display_name()},
            _("พิจารณาได้ที่ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_awaiting_publication(publish_request) -> None:
    due = thai_date(publish_request.due_date)
    _mail(
        publishers_for(publish_request),
        _("คำขอได้รับอนุมัติ รอเผยแพร่: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("กรุณาเผยแพร่ภายในวันที่ %(date)s") % {"date": due},
            _("ดำเนินการได้ที่ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )
    _mail(
        [publish_request.requester],
        _("คำขอได้รับอนุมัติแล้ว: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("ได้รับอนุมัติแล้ว กำหนดเผยแพร่ภายในวันที่ %(date)s") % {"date": due},
            _("ติดตามได้ที่ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_rejected(publish_request, reason: str, recipients) -> None:
    _mail(
        recipients,
        _("คำขอไม่ได้รับอนุมัติ: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("เหตุผล: %(reason)s") % {"reason": reason},
            _("รายละเอียด %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_returned(publish_request, reason: str, recipients) -> None:
    _mail(
        recipients,
        _("คำขอถูกส่งกลับให้แก้ไข: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("สิ่งที่ต้องแก้ไข: %(reason)s") % {"reason": reason},
            _("แก้ไขแล้วยื่นใหม่ได้ที่ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_published(publish_request) -> None:
    _mail(
        [publish_request.requester],
        _("เผยแพร่แล้ว: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("เผยแพร่บนเว็บไซต์แล้วที่ %(url)s") % {"url": publish_request.public_url},
            _("หลักฐานคำขอ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_verbal_confirmation_needed(publish_request, verbal) -> None:
    _mail(
        [verbal.approver],
        _("โปรดยืนยันการอนุมัติด้วยวาจา: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("ผู้เผยแพร่ %(publisher)s บันทึกว่าท่านอนุมัติ%(method)s และได้เผยแพร่แล้วที่ %(url)s")
            % {
                "publisher": verbal.recorded_by.display_name(),
                "method": verbal.get_method_display(),
                "url": publish_request.public_url,
            },
            _("เหตุผลความเร่งด่วน: %(reason)s") % {"reason": verbal.urgency_reason},
            _("โปรดยืนยันที่ %(url)s") % {"url": admin_url(publish_request)},
        ],
    )


def notify_verbal_confirmed(publish_request, verbal) -> None:
    _mail(
        [publish_request.requester, verbal.recorded_by],
        _("ยืนยันการอนุมัติด้วยวาจาแล้ว: %(title)s") % {"title": publish_request.title},
        [
            *_heading(publish_request),
            _("%(name)s ยืนยันการอนุมัติแล้ว") % {"name": verbal.approver.display_name()},
        ],
    )
