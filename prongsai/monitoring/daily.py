"""The webmasters' daily check (R32): run every registered check, sign off, keep the history."""

import dataclasses
import datetime as dt
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.dailycheck import registered_checks

from .linkcheck import run_link_check
from .models import DailyCheckRun, DailyCheckSignOff
from .notifications import send_later, supervisor_recipients

logger = logging.getLogger(__name__)


def run_daily_check(*, check_external_links=False, notify=False, today=None) -> DailyCheckRun:
    """Check links, then run every registered check and store the findings as one run."""
    today = today or timezone.localdate()
    run = DailyCheckRun.objects.create(day=today)
    run_link_check(external=check_external_links)
    sections = []
    for check in registered_checks():
        try:
            findings = [dataclasses.asdict(f) for f in check.run(today=today)]
        except Exception as exc:  # one broken check must not hide the others
            logger.exception("daily check %s failed", check.key)
            findings = [
                {
                    "summary": _("การตรวจนี้ทำงานผิดพลาด"),
                    "detail": str(exc)[:500],
                    "url": "",
                    "severity": "error",
                }
            ]
        sections.append({"key": check.key, "title": str(check.title), "findings": findings})
    run.sections = sections
    run.problem_count = sum(len(s["findings"]) for s in sections)
    run.finished = timezone.now()
    run.save(update_fields=["sections", "problem_count", "finished"])
    if notify and run.problem_count:
        lines = [
            f"- {s['title']}: {f['summary']} {f['detail']}".strip()
            for s in sections
            for f in s["findings"]
        ]
        send_later(
            _("ผลการตรวจเว็บไซต์ประจำวัน: พบปัญหา %(n)s รายการ") % {"n": run.problem_count},
            "\n".join(lines),
            supervisor_recipients(),
        )
    return run


def latest_run(day=None) -> DailyCheckRun | None:
    day = day or timezone.localdate()
    return (
        DailyCheckRun.objects.filter(day=day, finished__isnull=False).order_by("-started").first()
    )


def can_sign_off(user) -> bool:
    return user_has_role(user, Role.WEBMASTER)


@transaction.atomic
def sign_off(user, note: str, day=None) -> DailyCheckSignOff:
    """The webmaster on duty signs the day's check; a note is required when problems were found."""
    day = day or timezone.localdate()
    if not can_sign_off(user):
        raise PermissionDenied(_("เฉพาะผู้ดูแลเว็บไซต์เท่านั้นที่ลงนามการตรวจประจำวันได้"))
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


def unsigned_days(days: int = 14, today=None) -> list[dt.date]:
    """Past days (not today) in the window without a sign-off, for the supervisor to see."""
    today = today or timezone.localdate()
    signed = set(
        DailyCheckSignOff.objects.filter(day__gte=today - dt.timedelta(days=days)).values_list(
            "day", flat=True
        )
    )
    return [
        today - dt.timedelta(days=n)
        for n in range(1, days + 1)
        if today - dt.timedelta(days=n) not in signed
    ]
