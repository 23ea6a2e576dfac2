"""Periodic review of published content (R31): due dates, reminders, escalation, the owner's task."""

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.models import ContentPage

from . import adapters
from .conf import review_escalate_after, review_reminder_every
from .models import ReviewAction, ReviewSchedule
from .notifications import head_recipients, owner_recipients, owner_unit_of, send_later


def reviewable_page_models() -> list:
    return [m for m in apps.get_models() if issubclass(m, ContentPage) and not m._meta.abstract]


def reviewable_pages():
    return Page.objects.live().type(*reviewable_page_models())


def schedule_for(page, now=None) -> ReviewSchedule:
    """The page's review schedule, created on first use from its category's default interval."""
    now = now or timezone.now()
    try:
        return page.review_schedule
    except ReviewSchedule.DoesNotExist:
        pass
    schedule = ReviewSchedule(page=page, last_reviewed_at=page.last_published_at or now)
    schedule.due_at = schedule.compute_due_at()
    schedule.save()
    return schedule


def sync_schedules(now=None) -> int:
    created = 0
    for page in reviewable_pages().filter(review_schedule__isnull=True):
        schedule_for(page, now)
        created += 1
    return created


def can_review(user, schedule: ReviewSchedule) -> bool:
    if user_has_role(user, Role.WEBMASTER):
        return True
    page = schedule.page
    unit = owner_unit_of(page)
    return page.owner_id == user.pk or (unit is not None and user.unit_id == unit.pk)


@transaction.atomic
def set_interval(schedule: ReviewSchedule, interval_days, user) -> ReviewSchedule:
    """Override (or, with None, reset to the category default) an item's review interval."""
    if interval_days is not None and int(interval_days) < 1:
        raise ValidationError({"interval_days": _("รอบการทบทวนต้องมากกว่า 0 วัน")})
    schedule.interval_days = int(interval_days) if interval_days is not None else None
    schedule.full_clean()
    schedule.due_at = schedule.compute_due_at()
    schedule.save()
    log(
        instance=schedule.page,
        action="prongsai.review.interval_changed",
        user=user,
        data={"interval_days": schedule.interval_days},
    )
    return schedule


def _reset_clock(schedule: ReviewSchedule, now) -> None:
    schedule.last_reviewed_at = now
    schedule.due_at = schedule.compute_due_at()
    schedule.reminders_sent = 0
    schedule.last_reminded_at = None
    schedule.escalated_at = None
    schedule.save()


@transaction.atomic
def confirm_review(schedule: ReviewSchedule, user, note: str, now=None) -> ReviewAction:
    """The owner confirms the item is still correct; the review clock starts again."""
    now = now or timezone.now()
    if not can_review(user, schedule):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์ทบทวนรายการนี้"))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("กรุณาบันทึกผลการทบทวนก่อนยืนยัน")})
    action = ReviewAction.objects.create(
        schedule=schedule, kind=ReviewAction.Kind.CONFIRMED, note=note, user=user, created_at=now
    )
    _reset_clock(schedule, now)
    log(instance=schedule.page, action="prongsai.review.confirmed", user=user, data={"note": note})
    return action


@transaction.atomic
def request_revision(schedule: ReviewSchedule, user, note: str, now=None) -> ReviewAction:
    """The owner asks to revise: a new request goes through the normal approval route."""
    now = now or timezone.now()
    if not can_review(user, schedule):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์ทบทวนรายการนี้"))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("กรุณาระบุสิ่งที่ต้องแก้ไข")})
    adapters.open_revision_request(schedule.page, user, note)
    action = ReviewAction.objects.create(
        schedule=schedule, kind=ReviewAction.Kind.REVISE, note=note, user=user, created_at=now
    )
    _reset_clock(schedule, now)
    return action


def send_review_reminders(now=None) -> dict:
    """Remind owners of due reviews every few days; tell the unit head once it is long overdue."""
    now = now or timezone.now()
    created = sync_schedules(now)
    reminded = escalated = 0
    for schedule in ReviewSchedule.objects.filter(due_at__lte=now, page__live=True).select_related(
        "page"
    ):
        page = schedule.page
        if schedule.last_reminded_at is None or (
            schedule.last_reminded_at <= now - review_reminder_every()
        ):
            send_later(
                _("กรุณาทบทวนความถูกต้องของ “%(title)s”") % {"title": page.title},
                _(
                    "รายการ “%(title)s” ครบกำหนดทบทวนแล้ว กรุณาเข้าระบบเพื่อยืนยันว่าข้อมูลยังถูกต้อง "
                    "หรือขอแก้ไขปรับปรุง (เตือนครั้งที่ %(n)s)"
                )
                % {"title": page.title, "n": schedule.reminders_sent + 1},
                owner_recipients(page),
            )
            schedule.reminders_sent += 1
            schedule.last_reminded_at = now
            reminded += 1
        if schedule.escalated_at is None and schedule.due_at <= now - review_escalate_after():
            send_later(
                _("รายการค้างทบทวนเกินกำหนด: “%(title)s”") % {"title": page.title},
                _(
                    "รายการ “%(title)s” ของหน่วยงานท่านเลยกำหนดทบทวนมาแล้ว และเจ้าของข้อมูล"
                    "ยังไม่ได้ดำเนินการหลังการเตือน %(n)s ครั้ง กรุณาติดตาม"
                )
                % {"title": page.title, "n": schedule.reminders_sent},
                head_recipients(page),
            )
            schedule.escalated_at = now
            escalated += 1
            log(instance=page, action="prongsai.review.escalated")
        schedule.save(update_fields=["reminders_sent", "last_reminded_at", "escalated_at"])
    return {"schedules_created": created, "reminded": reminded, "escalated": escalated}


def overdue_reviews(now=None):
    now = now or timezone.now()
    return (
        ReviewSchedule.objects.filter(due_at__lte=now, page__live=True)
        .select_related("page")
        .order_by("due_at")
    )


def reviews_for_user(user, now=None) -> list[ReviewSchedule]:
    return [s for s in overdue_reviews(now) if can_review(user, s)]
