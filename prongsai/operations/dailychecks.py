"""The backup on the daily check (R32): a failed last run, or no success for two days."""

import datetime as dt

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import Finding, register
from prongsai.core.thaidate import thai_date, thai_datetime

from .conf import JOB_NAME, STALE_AFTER_HOURS


@register("operations-traffic-refused", title="คำขอที่ถูกปฏิเสธเพราะบันทึกข้อมูลจราจรไม่ได้")
def traffic_refused(*, today) -> list[Finding]:
    since = timezone.localdate() - dt.timedelta(days=1)
    return [
        Finding(
            summary=_("วันที่ %(day)s ปฏิเสธคำขอ %(count)d ครั้งเพราะบันทึกข้อมูลจราจรไม่ได้ (ล่าสุด %(when)s)")
            % {
                "day": thai_date(failure.day, short=True),
                "count": failure.count,
                "when": timezone.localtime(failure.last).strftime("%H:%M"),
            },
            detail=failure.error,
        )
        for failure in apps.get_model("operations", "TrafficWriteFailure").objects.filter(
            day__gte=since
        )
    ]


@register("operations-backup", title="การสำรองข้อมูล")
def backup_health(*, today) -> list[Finding]:
    job_run = apps.get_model("monitoring", "JobRun")
    runs = job_run.objects.filter(job=JOB_NAME)
    last = runs.exclude(outcome="running").order_by("-started").first()
    if last is None:
        return []  # never scheduled here: the missed-run check reports a job that never ran
    findings = []
    if last.outcome == "failed":
        findings.append(
            Finding(
                summary=_("การสำรองข้อมูลครั้งล่าสุดล้มเหลว (%(when)s)")
                % {"when": thai_datetime(last.started, short=True)},
                detail=last.error,
            )
        )
    success = runs.filter(outcome="success").order_by("-started").first()
    if success is None or success.started < timezone.now() - dt.timedelta(hours=STALE_AFTER_HOURS):
        findings.append(
            Finding(
                summary=_("ไม่มีชุดสำรองข้อมูลที่สำเร็จภายใน %(hours)d ชั่วโมง")
                % {"hours": STALE_AFTER_HOURS},
                detail=_("ดูวิธีแก้ไขใน docs/operations.md (พื้นที่ดิสก์เต็ม กุญแจเข้ารหัส)"),
            )
        )
    return findings
