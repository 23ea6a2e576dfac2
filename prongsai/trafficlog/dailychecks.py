"""Traffic data on the webmasters' daily check (R32, R40): is the legal record being kept?

Health only: no finding names an IP address, user or path, so webmasters (who may not see
traffic data) can act on them. The integrity check reads only the last day's segments, so it
stays cheap however much data is kept; `traffic_verify` checks everything.
"""

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import Finding, register

from . import checkpoints, store
from .accessaudit import verify_access_audit
from .retention import held_ranges
from .sealing import last_run
from .verify import verify_all

SEALER_LATE_AFTER = timedelta(hours=1)  # the sealer runs every 5 minutes
RETENTION_LATE_AFTER = timedelta(hours=26)  # daily at 02:30, with slack
RETENTION_OVERDUE_GRACE = timedelta(days=2)
DISK_ERROR_FREE_BYTES = 1024**3
DISK_ERROR_DAYS_LEFT = 7
DISK_WARNING_DAYS_LEFT = 30
DISK_WARNING_FREE_FRACTION = 0.10
GROWTH_DAYS = 7
MAX_FINDINGS = 20


def disk_usage(path: Path):
    """The file system holding the traffic folder (the folder itself may not exist yet)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return shutil.disk_usage(path)


def _has_data() -> bool:
    return bool(store.list_segments())


@register("traffic-sealer", title="การปิดผนึกข้อมูลจราจร (จุดตรวจสอบ)")
def sealer_not_running(*, today) -> list[Finding]:
    finished = last_run()
    now = timezone.now()
    if finished is None:
        if not _has_data():
            return []
        return [
            Finding(
                summary=_("งานปิดผนึกข้อมูลจราจรยังไม่เคยทำงาน"),
                detail=_("ตรวจว่า manage.py crontask (ตัวจัดตารางงาน) ทำงานอยู่"),
            )
        ]
    if now - finished <= SEALER_LATE_AFTER:
        return []
    hours = int((now - finished).total_seconds() // 3600)
    return [
        Finding(
            summary=_("ไม่มีจุดตรวจสอบข้อมูลจราจรมา %(hours)s ชั่วโมง") % {"hours": hours},
            detail=_(
                "งานปิดผนึกทำงานครั้งล่าสุดเมื่อ %(when)s ข้อมูลที่ยังไม่ปิดผนึกเสี่ยงสูญหาย"
                "เมื่อไฟดับ และแก้ไขได้โดยไม่มีร่องรอย ตรวจว่า manage.py crontask ทำงานอยู่"
            )
            % {"when": timezone.localtime(finished).strftime("%Y-%m-%d %H:%M")},
        )
    ]


@register("traffic-integrity", title="ความครบถ้วนของข้อมูลจราจรและบันทึกการเข้าถึง (วันล่าสุด)")
def recent_integrity(*, today) -> list[Finding]:
    result = verify_all(start=timezone.now() - timedelta(days=1))
    problems = [result.checkpoint_problem] if result.checkpoint_problem else []
    problems += [
        f"{segment.name}: {segment.problem}" for segment in result.segments if segment.problem
    ]
    problems += verify_access_audit().problems
    findings = [
        Finding(
            summary=_("ข้อมูลจราจรไม่ผ่านการตรวจความครบถ้วน"),
            detail=problem,
        )
        for problem in problems[:MAX_FINDINGS]
    ]
    if len(problems) > MAX_FINDINGS:
        findings.append(
            Finding(
                summary=_("และอีก %(count)s รายการ: ใช้ manage.py traffic_verify")
                % {"count": len(problems) - MAX_FINDINGS}
            )
        )
    return findings


@register("traffic-retention", title="งานลบข้อมูลจราจรที่ครบระยะเก็บรักษา")
def retention_not_run(*, today) -> list[Finding]:
    now = timezone.now()
    runs = checkpoints.read_entries({"retention-run"})
    findings = []
    if runs:
        last = datetime.fromisoformat(runs[-1][0])
        if now - last > RETENTION_LATE_AFTER:
            findings.append(
                Finding(
                    summary=_("งานลบข้อมูลจราจรตามระยะเก็บรักษาไม่ได้ทำงานตั้งแต่ %(when)s")
                    % {"when": timezone.localtime(last).strftime("%Y-%m-%d %H:%M")},
                    detail=_("ตรวจว่า manage.py crontask ทำงานอยู่"),
                )
            )
    else:
        segments = store.list_segments()
        if segments and now - segments[0].started > RETENTION_LATE_AFTER:
            findings.append(
                Finding(
                    summary=_("งานลบข้อมูลจราจรตามระยะเก็บรักษายังไม่เคยทำงาน"),
                    detail=_("ตรวจว่า manage.py crontask ทำงานอยู่"),
                )
            )
    overdue = _overdue_segments(now)
    if overdue:
        findings.append(
            Finding(
                summary=_("ข้อมูลจราจร %(count)s ส่วนเก็บไว้เกินระยะที่กำหนดโดยไม่มีคำสั่งให้เก็บ")
                % {"count": len(overdue)},
                detail=", ".join(overdue[:5]),
                severity="warning",
            )
        )
    return findings


def _overdue_segments(now: datetime) -> list[str]:
    """Sealed, undamaged, unheld segments that retention should have deleted (PDPA: not kept
    longer than needed)."""
    cutoff = now - timedelta(days=settings.TRAFFIC_RETENTION_DAYS) - RETENTION_OVERDUE_GRACE
    ledgers, _problem = checkpoints.read_ledger()
    candidates = []
    for info in store.list_segments():
        ledger = ledgers.get(store.relative_name(info.path))
        if not ledger or not ledger.seal or ledger.seal.get("problem"):
            continue
        first, last = store.segment_bounds(info, ledger.seal)
        if last < cutoff:
            candidates.append((store.relative_name(info.path), first, last))
    if not candidates:
        return []
    holds = held_ranges(timezone.localdate(now))
    return [
        name
        for name, first, last in candidates
        if not any(start <= last and end >= first for start, end in holds)
    ]


@register("traffic-disk-space", title="พื้นที่ดิสก์สำหรับข้อมูลจราจร")
def disk_space_low(*, today) -> list[Finding]:
    usage = disk_usage(store.traffic_dir())
    daily = _daily_growth(today)
    days_left = usage.free / daily if daily else None
    details = _("ว่าง %(free).1f GB จาก %(total).1f GB") % {
        "free": usage.free / 1024**3,
        "total": usage.total / 1024**3,
    }
    if days_left is not None:
        details += _(" ใช้วันละประมาณ %(daily).2f GB พอใช้อีกประมาณ %(days)d วัน") % {
            "daily": daily / 1024**3,
            "days": days_left,
        }
    if usage.free < DISK_ERROR_FREE_BYTES or (
        days_left is not None and days_left < DISK_ERROR_DAYS_LEFT
    ):
        return [
            Finding(
                summary=_("พื้นที่ดิสก์สำหรับข้อมูลจราจรใกล้เต็ม: เมื่อเต็ม เว็บไซต์จะตอบ 503"),
                detail=details,
            )
        ]
    if usage.free < usage.total * DISK_WARNING_FREE_FRACTION or (
        days_left is not None and days_left < DISK_WARNING_DAYS_LEFT
    ):
        return [
            Finding(
                summary=_("พื้นที่ดิสก์สำหรับข้อมูลจราจรเหลือน้อย"),
                detail=details,
                severity="warning",
            )
        ]
    return []


def _daily_growth(today) -> float:
    """Average bytes a day over the last week's day folders that have data."""
    root = store.traffic_dir()
    sizes = []
    for offset in range(1, GROWTH_DAYS + 1):
        folder = root / (today - timedelta(days=offset)).isoformat()
        if folder.is_dir():
            sizes.append(
                sum(path.stat().st_size for path in folder.glob(f"*{store.SEGMENT_SUFFIX}"))
            )
    sizes = [size for size in sizes if size]
    return sum(sizes) / len(sizes) if sizes else 0.0
