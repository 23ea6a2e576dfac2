"""Recording page views (R10). One function per state change.

Views arrive in batches from the visits log (visitlog.py); ``count_visit_logs`` adds a batch
and moves the file's read position in one transaction, so a crash counts a line either once
or not yet, never twice (docs/adr/0131-visits-from-the-nginx-log.md).
"""

import contextlib
import datetime as dt
import fcntl
import hashlib
import logging
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from wagtail.models import Page

from . import visitlog
from .counters import bump, insert_once, retry_transaction
from .models import DailyPageViews, DailySalt, DailySummary, DailyVisitor, VisitLogPosition

logger = logging.getLogger(__name__)
_salt_cache: dict[str, object] = {"day": None, "salt": ""}
#: the application's own daily visits files are deleted this long after their day
APP_LOG_KEEP_DAYS = 2
SALT_GRACE = dt.time(0, 10)


def salt_for(day: dt.date) -> str:
    """The day's salt; creating today's forgets every earlier salt and visitor hash."""
    if _salt_cache["day"] == day:
        return _salt_cache["salt"]
    row = DailySalt.objects.filter(day=day).first()
    if row is None:
        # Several processes may race here; exactly one insert wins and all use its salt.
        if insert_once(DailySalt, day=day, salt=secrets.token_hex(32)):
            # Yesterday's salt stays until a few minutes past midnight, for the last lines of
            # the day that the counting job reads late (forget_spent_salts).
            DailySalt.objects.filter(day__lt=day - dt.timedelta(days=1)).delete()
            DailyVisitor.objects.filter(day__lt=day - dt.timedelta(days=1)).delete()
        row = DailySalt.objects.get(day=day)
    _salt_cache.update(day=day, salt=row.salt)
    return row.salt


def forget_spent_salts(now: dt.datetime | None = None) -> int:
    """After 00:10 no line of yesterday is still on its way: forget its salt and hashes."""
    now = timezone.localtime(now)
    if now.time() < SALT_GRACE:
        return 0
    DailyVisitor.objects.filter(day__lt=now.date()).delete()
    deleted, _ = DailySalt.objects.filter(day__lt=now.date()).delete()
    if deleted:
        _salt_cache.update(day=None, salt="")
    return deleted


def visitor_hash(day: dt.date, ip: str, user_agent: str) -> str:
    material = f"{salt_for(day)}|{ip}|{user_agent}".encode()
    return hashlib.sha256(material).hexdigest()


def section_of(path: str) -> str:
    parts = [part for part in path.split("/") if part]
    return parts[0][:100] if parts else ""


def _add_views(views: list[visitlog.View]) -> None:
    """Add a batch inside the caller's transaction: a few statements per day and path."""
    titles = dict(
        Page.objects.filter(pk__in={view.page_id for view in views if view.page_id}).values_list(
            "pk", "title"
        )
    )
    by_day: dict[dt.date, list[visitlog.View]] = {}
    for view in views:
        by_day.setdefault(timezone.localdate(view.when), []).append(view)
    for day, day_views in by_day.items():
        hashes = {visitor_hash(day, view.ip, view.user_agent) for view in day_views}
        known = set(
            DailyVisitor.objects.filter(day=day, visitor_hash__in=hashes).values_list(
                "visitor_hash", flat=True
            )
        )
        new = hashes - known
        DailyVisitor.objects.bulk_create(
            [DailyVisitor(day=day, visitor_hash=value) for value in new], ignore_conflicts=True
        )
        bump(DailySummary, {"day": day}, views=len(day_views), visitors=len(new))
        per_path = Counter(view.path for view in day_views)
        page_of = {view.path: view.page_id for view in day_views}
        for path, count in per_path.items():
            title = titles.get(page_of[path], "")[:255]
            bump(
                DailyPageViews,
                {"day": day, "path": path},
                defaults={"section": section_of(path), "title": title},
                views=count,
            )


@dataclass
class CountSummary:
    files: int = 0
    counted: int = 0
    ignored: int = 0
    malformed: list[str] = field(default_factory=list)  # "file:line"


@contextlib.contextmanager
def _exclusive_run():
    """One counting run at a time (the scheduler and logrotate's hook may overlap)."""
    directory = visitlog.visits_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".count.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def count_visit_logs(paths: list[Path]) -> CountSummary:
    """Count every new line of the given visits logs (nginx's or the application's), once."""
    summary = CountSummary()
    with _exclusive_run():
        for path in sorted(set(paths)):
            summary.files += 1
            _count_file(Path(path), summary)
    return summary


def _count_file(path: Path, summary: CountSummary) -> None:
    key = visitlog.file_key(path)
    if key is None:
        return  # empty, or its first line is still being written
    position = VisitLogPosition.objects.filter(key=key).first()
    offset, line = (position.offset, position.line) if position else (0, 0)
    parsed, new_offset, new_line = visitlog.read_from(path, offset, line)
    if new_offset == offset:
        return

    def write():
        _add_views(parsed.views)
        VisitLogPosition.objects.update_or_create(
            key=key, defaults={"path": str(path)[:500], "offset": new_offset, "line": new_line}
        )

    retry_transaction(write)
    summary.counted += len(parsed.views)
    summary.ignored += parsed.ignored
    summary.malformed.extend(f"{path}:{number}" for number in parsed.malformed)
    for number in parsed.malformed[:20]:
        logger.warning("malformed visits log line %s:%s", path, number)


def forget_old_app_logs(today: dt.date | None = None) -> int:
    """Delete the application's own daily visits files once they are counted to the end."""
    today = today or timezone.localdate()
    removed = 0
    for path in visitlog.visits_dir().glob("visits-*.log"):
        try:
            day = dt.date.fromisoformat(path.stem.removeprefix("visits-"))
        except ValueError:
            continue
        if (today - day).days <= APP_LOG_KEEP_DAYS:
            continue
        key = visitlog.file_key(path)
        done = (
            key is None
            or VisitLogPosition.objects.filter(key=key, offset=path.stat().st_size).exists()
        )
        if done:
            path.unlink()
            VisitLogPosition.objects.filter(key=key).delete()
            removed += 1
    return removed
