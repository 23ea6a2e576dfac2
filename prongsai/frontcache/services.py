"""Purging the front cache (docs/adr/0130-front-cache-nginx-purge.md). One entry point: ``purge``.

A purge runs after the transaction commits, so nginx never refetches the old version, and it
never blocks or breaks publishing: the URLs are purged concurrently with a short timeout, and
whatever failed goes to the task queue to be retried with a growing delay. A purge that still
fails is logged and written to the failure log that the daily check reads. Even then the page
leaves the cache at its own lifetime's end, which never passes a publication window's edge
(lifetime.py), so an expired item is never served past its end.
"""

import datetime as dt
import json
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .backends import PurgeFailed

logger = logging.getLogger(__name__)
SYNC_LIMIT = 60  # more URLs than this (a site-wide change) go to the worker at once
THREADS = 8
MAX_ATTEMPTS = 6
FAILURE_LOG = "purge-failures.log"


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _backends():
    from wagtail.contrib.frontend_cache.utils import get_backends

    return list(get_backends().values())


def purge(urls, *, reason: str) -> None:
    """Purge ``urls`` once the current transaction commits (now, outside one)."""
    if not enabled():
        return
    urls = sorted(set(urls))
    if not urls:
        return
    transaction.on_commit(lambda: _purge_now_or_later(urls, reason), robust=True)


def _purge_now_or_later(urls: list[str], reason: str) -> None:
    if len(urls) > SYNC_LIMIT:
        _retry_later(urls, reason, attempt=0, error="")
        return
    failed, error = purge_urls(urls)
    if failed:
        logger.warning(
            "front cache purge failed (%s) for %d URL(s): %s", reason, len(failed), error
        )
        _retry_later(failed, reason, attempt=1, error=error)


def purge_urls(urls: list[str]) -> tuple[list[str], str]:
    """Purge each URL on every backend; returns the URLs that failed and the last error."""
    backends = _backends()
    failed: list[str] = []
    errors: list[str] = []

    def one(url):
        try:
            for backend in backends:
                backend.purge(url)
        except PurgeFailed as error:
            return url, str(error)
        return None

    with ThreadPoolExecutor(max_workers=min(THREADS, len(urls) or 1)) as pool:
        for result in pool.map(one, urls):
            if result:
                failed.append(result[0])
                errors.append(result[1])
    return failed, (errors[-1] if errors else "")


def _retry_later(urls: list[str], reason: str, *, attempt: int, error: str) -> None:
    from .tasks import retry_purge

    if attempt >= MAX_ATTEMPTS:
        record_failure(urls, reason, attempt, error)
        return
    try:
        task = retry_purge
        if task.get_backend().supports_defer and attempt:
            task = task.using(run_after=timezone.now() + dt.timedelta(seconds=15 * 2**attempt))
        task.enqueue(urls, reason, attempt)
    except Exception as exc:  # the queue itself is down: keep the evidence, do not break the save
        logger.exception("could not queue the purge retry")
        record_failure(urls, reason, attempt, f"{error}; queue: {exc}")


def run_retry(urls: list[str], reason: str, attempt: int) -> int:
    failed, error = purge_urls(urls)
    if failed:
        logger.warning(
            "front cache purge retry %d failed (%s) for %d URL(s): %s",
            attempt,
            reason,
            len(failed),
            error,
        )
        _retry_later(failed, reason, attempt=attempt + 1, error=error)
    return len(urls) - len(failed)


def state_dir() -> Path:
    return Path(settings.PRONGSAI_FRONT_CACHE_STATE_DIR)


def record_failure(urls: list[str], reason: str, attempts: int, error: str) -> None:
    """Append one line per given-up purge: the daily check shows them (dailychecks.py)."""
    logger.error("front cache purge given up after %d attempt(s) (%s): %s", attempts, reason, error)
    line = json.dumps(
        {
            "at": timezone.now().isoformat(),
            "reason": reason,
            "attempts": attempts,
            "error": error[:300],
            "urls": urls[:50],
            "count": len(urls),
        },
        ensure_ascii=False,
    )
    directory = state_dir()
    directory.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(directory / FAILURE_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)


def failures_since(since: dt.datetime) -> list[dict]:
    path = state_dir() / FAILURE_LOG
    if not path.exists():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
            if dt.datetime.fromisoformat(item["at"]) >= since:
                found.append(item)
        except (ValueError, KeyError):
            continue
    return found
