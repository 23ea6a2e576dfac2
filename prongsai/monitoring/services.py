"""Every state change monitoring makes on a person's behalf or for its jobs' bookkeeping: each
checks its permission (``permissions.py``) and writes its audit entry. Views, hooks, signals and
jobs call these; a GET never does (reads are in ``selectors.py``).
"""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role
from prongsai.core import notify
from prongsai.core.audit import log
from prongsai.core.permissions import refuse
from prongsai.publishing.services import open_revision_request

from .daily import latest_run
from .models import DailyCheckSignOff, ReviewAction, ReviewSchedule
from .notifications import supervisor_recipients
from .permissions import can_review, can_set_interval, can_sign_off
from .selectors import reviewable_pages, schedule_preview


def schedule_for(page, now=None) -> ReviewSchedule:
    """The page's review schedule, created on first use from its category's default interval."""
    schedule = schedule_preview(page, now)
    if schedule.pk is None:
        schedule.save()
    return schedule


def sync_schedules(now=None) -> int:
    created = 0
    for page in reviewable_pages().filter(review_schedule__isnull=True):
        schedule_for(page, now)
        created += 1
    return created


@transaction.atomic
def set_interval(schedule: ReviewSchedule, interval_days, user) -> ReviewSchedule:
    """Override (or, with None, reset to the category default) an item's review interval."""
    if not can_set_interval(user, schedule.page):
        refuse(_("คุณไม่มีสิทธิ์เปลี่ยนรอบการทบทวนของรายการนี้"))
    if interval_days is not None and int(interval_days) < 1:
        raise ValidationError({"interval_days": _("รอบการทบทวนต้องมากกว่า 0 วัน")})
    schedule.interval_days = int(interval_days) if interval_days is not None else None
    schedule.full_clean()
    schedule.due_at = schedule.compute_due_at()
    schedule.save()  # creates the schedule if the page had none yet
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
        refuse(_("คุณไม่มีสิทธิ์ทบทวนรายการนี้"))
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
        refuse(_("คุณไม่มีสิทธิ์ทบทวนรายการนี้"))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("กรุณาระบุสิ่งที่ต้องแก้ไข")})
    open_revision_request(page=schedule.page, user=user, note=note)
    action = ReviewAction.objects.create(
        schedule=schedule, kind=ReviewAction.Kind.REVISE, note=note, user=user, created_at=now
    )
    _reset_clock(schedule, now)
    log(
        instance=schedule.page,
        action="prongsai.review.revise_requested",
        user=user,
        data={"note": note},
    )
    return action


@transaction.atomic
def sign_off(user, note: str, day=None) -> DailyCheckSignOff:
    """The webmaster on duty signs the day's check; a note is required when problems were found."""
    day = day or timezone.localdate()
    if not can_sign_off(user):
        refuse(_("เฉพาะผู้ดูแลเว็บไซต์เท่านั้นที่ลงนามการตรวจประจำวันได้"))
    run = latest_run(day)
    if run is None:
        raise ValidationError(_("ยังไม่มีผลการตรวจของวันนี้ กรุณาตรวจก่อนลงนาม"))
    if DailyCheckSignOff.objects.filter(day=day).exists():
        raise ValidationError(_("การตรวจประจำวันนี้ลงนามแล้ว"))
    note = (note or "").strip()
    if run.problem_count and not note:
        raise ValidationError(
            {
                "note": _("พบปัญหา %(n)s รายการ กรุณาบันทึกข้อผิดพลาดที่พบและการแก้ไขก่อนลงนาม")
                % {"n": run.problem_count}
            }
        )
    signoff = DailyCheckSignOff(
        day=day, run=run, user=user, note=note, problems_found=run.problem_count
    )
    signoff.full_clean()
    signoff.save()
    log(instance=signoff, action="prongsai.dailycheck.signed", user=user, data={"note": note})
    return signoff


def warn_if_webmasters_short(user) -> bool:
    """R33, at the moment a webmaster stops being one: warn if fewer than the minimum remain.

    E-mails the supervisors and the remaining webmasters, writes an audit entry and adds the
    finding to today's latest check, so the page no longer says "(0) ไม่พบปัญหา".
    """
    from prongsai.accounts.roles import users_with_role

    from .dailychecks import webmaster_count
    from .selectors import webmaster_shortage

    shortage = webmaster_shortage()
    if shortage is None:
        return False
    name = user.get_full_name() or user.get_username()
    message = _(
        "%(name)s ไม่ได้เป็นผู้ดูแลเว็บไซต์ที่ใช้งานอยู่แล้ว เหลือผู้ดูแลเว็บไซต์ %(count)s คน "
        "น้อยกว่าขั้นต่ำ %(minimum)s คน กรุณามอบหมายผู้ดูแลเว็บไซต์เพิ่มเติม"
    ) % {"name": name, **shortage}
    remaining = [u.email for u in users_with_role(Role.WEBMASTER) if u.email]
    notify.send_later(
        sorted(set(supervisor_recipients()) | set(remaining)),
        _("คำเตือน: ผู้ดูแลเว็บไซต์น้อยกว่าขั้นต่ำ"),
        [message],
    )
    log(instance=user, action="prongsai.dailycheck.webmaster_shortage", data=shortage)
    run = latest_run()
    if run is not None:
        findings = [dataclasses.asdict(f) for f in webmaster_count(today=run.day)]
        for section in run.sections:
            if section.get("key") == "monitoring-webmasters":
                section["findings"] = findings
        run.problem_count = sum(len(s["findings"]) for s in run.sections)
        run.save(update_fields=["sections", "problem_count"])
    return True
