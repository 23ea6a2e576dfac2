"""Recording page views (R10). One function per state change."""

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from .counters import bump, create_if_missing, insert_once, retry_transaction
from .models import DailyPageViews, DailySalt, DailySummary, DailyVisitor

_salt_cache: dict[str, object] = {"day": None, "salt": ""}


def salt_for(day: dt.date) -> str:
    """Today's salt; creating it forgets every earlier salt and visitor hash."""
    if _salt_cache["day"] == day:
        return _salt_cache["salt"]
    row = DailySalt.objects.filter(day=day).first()
    if row is None:
        # Several processes may race here; exactly one insert wins and all use its salt.
        if insert_once(DailySalt, day=day, salt=secrets.token_hex(32)):
            DailySalt.objects.filter(day__lt=day).delete()
            DailyVisitor.objects.filter(day__lt=day).delete()
        row = DailySalt.objects.get(day=day)
    _salt_cache.update(day=day, salt=row.salt)
    return row.salt


def visitor_hash(day: dt.date, ip: str, user_agent: str) -> str:
    material = f"{salt_for(day)}|{ip}|{user_agent}".encode()
    return hashlib.sha256(material).hexdigest()


def section_of(path: str) -> str:
    parts = [part for part in path.split("/") if part]
    return parts[0][:100] if parts else ""


def record_page_view(*, path: str, ip: str, user_agent: str, title: str = "", when=None) -> None:
    """One page view: a single transaction (one commit) of at most four small statements."""
    day = timezone.localdate(when) if when else timezone.localdate()
    path = path[:255]
    hashed = visitor_hash(day, ip, user_agent)

    def write():
        new_visitor = create_if_missing(DailyVisitor, day=day, visitor_hash=hashed)
        bump(DailySummary, {"day": day}, views=1, visitors=int(new_visitor))
        bump(
            DailyPageViews,
            {"day": day, "path": path},
            defaults={"section": section_of(path), "title": title[:255]},
            views=1,
        )

    retry_transaction(write)
