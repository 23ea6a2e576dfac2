"""Per-client limits on public submissions that hold across worker processes (R9, R10).

Counts live in the database (RateLimitBucket), so every process and server shares them; the
increment and the read happen in one transaction holding the row's write lock, so N
concurrent submissions see the counts 1…N exactly (docs/adr/0052-abuse-resistance.md).
The client is a keyed hash of its IP address: the IP itself is never stored.
"""

import dataclasses
import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from prongsai.analytics.counters import increment
from prongsai.core.clientip import client_ip

from .models import RateLimitBucket


@dataclasses.dataclass(frozen=True)
class Limits:
    limit: int
    window_seconds: int
    challenge_after: int


def limits() -> Limits:
    return Limits(
        limit=settings.PRONGSAI_FEEDBACK_RATE_LIMIT,
        window_seconds=settings.PRONGSAI_FEEDBACK_RATE_WINDOW_SECONDS,
        challenge_after=settings.PRONGSAI_FEEDBACK_CHALLENGE_AFTER,
    )


def client_key(request, scope: str) -> str:
    message = f"{scope}|{client_ip(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _window_start(now: dt.datetime, seconds: int) -> dt.datetime:
    epoch = int(now.timestamp())
    return dt.datetime.fromtimestamp(epoch - epoch % seconds, tz=dt.UTC)


def attempts_so_far(request, scope: str) -> int:
    window = _window_start(timezone.now(), limits().window_seconds)
    row = RateLimitBucket.objects.filter(key=client_key(request, scope), window_start=window)
    return row.values_list("count", flat=True).first() or 0


def register_attempt(request, scope: str) -> int:
    """Count one submission; returns this submission's position in the window (1, 2, …)."""
    window = _window_start(timezone.now(), limits().window_seconds)
    key = client_key(request, scope)
    with transaction.atomic():
        increment(RateLimitBucket, {"key": key, "window_start": window}, field="count")
        position = RateLimitBucket.objects.get(key=key, window_start=window).count
    if position == 1:
        RateLimitBucket.objects.filter(window_start__lt=window - dt.timedelta(days=1)).delete()
    return position


def challenge_needed(position_or_count: int) -> bool:
    return position_or_count > limits().challenge_after


def over_limit(position: int) -> bool:
    return position > limits().limit
