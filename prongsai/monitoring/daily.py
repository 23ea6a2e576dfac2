"""The webmasters' daily check (R32): run every registered check, sign off, keep the history."""

import dataclasses
import datetime as dt
import logging

from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import registered_checks
from prongsai.core.notify import send_later

from .linkcheck import run_link_check
from .models import DailyCheckRun, DailyCheckSignOff
from .notifications import supervisor_recipients

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
            supervisor_recipients(),
            _("ผลการตรวจเว็บไซต์ประจำวัน: พบปัญหา %(n)s รายการ") % {"n": run.problem_count},
            lines,
        )
    return run


def latest_run(day=None) -> DailyCheckRun | None:
    day = day or timezone.localdate()
    return (
        DailyCheckRun.objects.filter(day=day, finished__isnull=False).order_by("-started").first()
    )


def unsigned_days(days: int = 14, today=None, month: dt.date | None = None) -> list[dt.date]:
    """Past working days (not today) without a sign-off, newest first, for the supervisor.

    The last ``days`` calendar days, or every day of ``month`` (any date in it) up to yesterday.
    Weekends, Thai public holidays and the agency's own days off (publishing's calendar) are not
    working days, so they are never "unsigned".
    """
    from prongsai.core.workdays import is_working_day

    today = today or timezone.localdate()
    if month is not None:
        first = month.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    else:
        first, last = today - dt.timedelta(days=days), today
    last = min(last, today - dt.timedelta(days=1))
    if last < first:
        return []
    signed = set(
        DailyCheckSignOff.objects.filter(day__gte=first, day__lte=last).values_list(
            "day", flat=True
        )
    )
    candidates = (last - dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in candidates if day not in signed and is_working_day(day)]
