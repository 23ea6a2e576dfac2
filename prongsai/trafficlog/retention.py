"""Retention of traffic data: the only code that deletes it. Read this before changing it.

Design (ADR 0045). Deleting traffic data early is an offence (Computer-Related Crime Act B.E.
2550 s.26: keep at least 90 days from when the data entered the system; officials may order
longer); keeping it forever breaks the PDPA's purpose limitation. So:

* The minimum is enforced at start-up: ``TRAFFIC_RETENTION_DAYS`` below 90 refuses to start
  unless ``TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS`` is set (tests only).
* Only whole **sealed** segments are deleted. A sealed segment's time range comes from its seal
  in the checkpoint file, so the age is the age of its *newest* record: nothing younger than
  the retention period is ever removed, even if a segment straddles the cutoff.
* A segment that overlaps any hold (an official order, ``Hold``) whose ``keep_until`` has not
  passed is skipped entirely.
* Before a file is removed, a ``retention-delete`` entry (count, time range, chain head,
  SHA-256, retention setting) is appended to the checkpoint file and made durable. The
  verifier uses it to tell a lawful deletion from a missing segment; every other segment has
  its own chain, so what remains still verifies.
* A segment with an integrity problem is never deleted automatically: it may be evidence.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from . import checkpoints, runninghead, store

LEGAL_MINIMUM_DAYS = 90


def validate_retention_settings() -> None:
    days = settings.TRAFFIC_RETENTION_DAYS
    allow_short = settings.TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS is True
    if not isinstance(days, int) or days < 1:
        raise ImproperlyConfigured(
            f"TRAFFIC_RETENTION_DAYS must be a whole number of days, not {days!r}"
        )
    if days < LEGAL_MINIMUM_DAYS and not allow_short:
        raise ImproperlyConfigured(
            f"TRAFFIC_RETENTION_DAYS={days} is shorter than the legal minimum: traffic data must "
            f"be kept at least {LEGAL_MINIMUM_DAYS} days (Computer-Related Crime Act B.E. 2550 "
            "s.26, as amended B.E. 2560). ต้องเก็บข้อมูลจราจรทางคอมพิวเตอร์ไม่น้อยกว่า 90 วัน "
            "(พ.ร.บ.ว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. 2550 มาตรา 26). "
            "TRAFFIC_RETENTION_ALLOW_SHORT_FOR_TESTS=True is for automated tests only."
        )


@dataclass
class RetentionSummary:
    deleted: list[dict] = field(default_factory=list)
    held: list[str] = field(default_factory=list)
    kept_damaged: list[str] = field(default_factory=list)


def held_ranges(today) -> list[tuple[datetime, datetime]]:
    """Ranges under an active hold: the database's, plus the access-audit chain's, so deleting
    or shortening a hold in the database alone cannot make retention delete held data."""
    from .accessaudit import chained_active_holds
    from .models import Hold

    active = Hold.objects.filter(keep_until__gte=today, ended_at__isnull=True)
    return [(hold.range_start, hold.range_end) for hold in active] + chained_active_holds(today)


def apply_retention(now: datetime | None = None) -> RetentionSummary:
    validate_retention_settings()
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TRAFFIC_RETENTION_DAYS)
    holds = held_ranges(timezone.localdate(now))
    ledgers, _problem = checkpoints.read_ledger()
    summary = RetentionSummary()
    for info in store.list_segments():
        name = store.relative_name(info.path)
        ledger = ledgers.get(name)
        seal = ledger.seal if ledger else None
        if seal is None:
            continue  # open or not yet sealed: never deleted
        first, last = store.segment_bounds(info, seal)
        if last >= cutoff:
            continue
        if seal.get("problem"):
            summary.kept_damaged.append(name)
            continue
        if any(start <= last and end >= first for start, end in holds):
            summary.held.append(name)
            continue
        entry = {
            "segment": name,
            "count": seal["count"],
            "head": seal["head"],
            "sha256": seal["sha256"],
            "first_time": seal["first_time"],
            "last_time": seal["last_time"],
            "retention_days": settings.TRAFFIC_RETENTION_DAYS,
            "cutoff": cutoff.isoformat(),
        }
        checkpoints.append_entry("retention-delete", entry)
        info.path.unlink()
        runninghead.head_path(info.path).unlink(missing_ok=True)
        summary.deleted.append(entry)
    _remove_empty_day_folders()
    checkpoints.append_entry(
        "retention-run",
        {
            "deleted": len(summary.deleted),
            "held": len(summary.held),
            "kept_damaged": len(summary.kept_damaged),
            "retention_days": settings.TRAFFIC_RETENTION_DAYS,
            "cutoff": cutoff.isoformat(),
        },
    )
    return summary


def _remove_empty_day_folders() -> None:
    root = store.traffic_dir()
    if not root.exists():
        return
    for folder in root.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
