"""Periodic review of published content (R31): due dates, reminders, escalation, the owner's task."""

from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core import notify
from prongsai.core.audit import log

from .conf import review_escalate_after, review_reminder_every
from .models import ReviewNotice, ReviewSchedule
from .notifications import head_recipients, owner_recipients, owner_unit_of, unit_head
from .permissions import can_review
from .services import sync_schedules


def review_link(page) -> str:
    """The page's edit screen on the site's configured root URL (never the request's host)."""
    from django.urls import reverse

    site = page.get_site()
    root = site.root_url if site is not None else ""
    return root + reverse("wagtailadmin_pages:edit", args=[page.pk])


def record_sent(schedule_pk: int, kind: str, recipients: list[str]) -> None:
    """After-send step of a review e-mail (core.notify): the notice is on record once sent."""
    ReviewNotice.objects.create(
        schedule_id=schedule_pk, kind=kind, sent=True, recipients=", ".join(recipients)
    )


def _notify(schedule, kind, subject, body, recipients, missing_reason) -> bool:
    """E-mail after commit and record the send once the mail server took it; else say why not."""
    if not recipients:
        latest = schedule.notices.filter(kind=kind).first()
        if latest is None or latest.sent or latest.reason != missing_reason:
            ReviewNotice.objects.create(
                schedule=schedule, kind=kind, sent=False, reason=str(missing_reason)
            )
        return False

    return notify.send_later(
        recipients,
        subject,
        [body],
        after=("prongsai.monitoring.reviews.record_sent", schedule.pk, str(kind), recipients),
    )


def _head_missing_reason(page) -> str:
    unit = owner_unit_of(page)
    if unit is None:
        return _("รายการไม่ได้ระบุหน่วยงานเจ้าของข้อมูล")
    head = unit_head(unit)
    if head is None:
        return _("หน่วยงาน %(unit)s ยังไม่ได้กำหนดหัวหน้าหน่วยงาน") % {"unit": unit.name}
    return _("หัวหน้าหน่วยงาน %(name)s ไม่มีที่อยู่อีเมล") % {
        "name": head.get_full_name() or head.get_username()
    }


def send_review_reminders(now=None) -> dict:
    """Remind owners of due reviews every few days; tell the unit head once it is long overdue."""
    now = now or timezone.now()
    created = sync_schedules(now)
    reminded = escalated = 0
    for schedule in ReviewSchedule.objects.filter(due_at__lte=now, page__live=True).select_related(
        "page"
    ):
        page = schedule.page
        link = review_link(page)
        if schedule.last_reminded_at is None or (
            schedule.last_reminded_at <= now - review_reminder_every()
        ):
            _notify(
                schedule,
                ReviewNotice.Kind.REMINDER,
                _("กรุณาทบทวนความถูกต้องของ “%(title)s”") % {"title": page.title},
                _(
                    "รายการ “%(title)s” ครบกำหนดทบทวนแล้ว กรุณาเข้าระบบเพื่อยืนยันว่าข้อมูลยังถูกต้อง "
                    "หรือขอแก้ไขปรับปรุง (เตือนครั้งที่ %(n)s)\n\nเปิดรายการ: %(link)s"
                )
                % {"title": page.title, "n": schedule.reminders_sent + 1, "link": link},
                owner_recipients(page),
                _("ไม่มีผู้รับที่มีที่อยู่อีเมล"),
            )
            schedule.reminders_sent += 1
            schedule.last_reminded_at = now
            reminded += 1
        if schedule.escalated_at is None and schedule.due_at <= now - review_escalate_after():
            told = _notify(
                schedule,
                ReviewNotice.Kind.ESCALATION,
                _("รายการค้างทบทวนเกินกำหนด: “%(title)s”") % {"title": page.title},
                _(
                    "รายการ “%(title)s” ของหน่วยงานท่านเลยกำหนดทบทวนมาแล้ว และเจ้าของข้อมูล"
                    "ยังไม่ได้ดำเนินการหลังการเตือน %(n)s ครั้ง กรุณาติดตาม\n\nเปิดรายการ: %(link)s"
                )
                % {"title": page.title, "n": schedule.reminders_sent, "link": link},
                head_recipients(page),
                _head_missing_reason(page),
            )
            if told:  # only a head actually e-mailed counts as told
                schedule.escalated_at = now
                escalated += 1
                log(instance=page, action="prongsai.review.escalated")
        schedule.save(update_fields=["reminders_sent", "last_reminded_at", "escalated_at"])
    return {"schedules_created": created, "reminded": reminded, "escalated": escalated}


def notice_status(schedule, kind) -> str:
    """The latest reminder or escalation of a schedule in words, for the report."""
    latest = next((n for n in schedule.notices.all() if n.kind == kind), None)
    return latest.describe() if latest is not None else _("ยังไม่ได้แจ้ง")


def overdue_reviews(now=None):
    now = now or timezone.now()
    return (
        ReviewSchedule.objects.filter(due_at__lte=now, page__live=True)
        .select_related("page")
        .order_by("due_at")
    )


def reviews_for_user(user, now=None) -> list[ReviewSchedule]:
    return [s for s in overdue_reviews(now) if can_review(user, s)]
