"""Front-cache jobs: purge retries (task queue) and document windows (every minute)."""

import datetime as dt

from crontask import cron
from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

WINDOW_CHECKED_KEY = "frontcache:windows-checked"


@task
def retry_purge(urls: list[str], reason: str, attempt: int):
    from .services import run_retry

    return run_retry(urls, reason, attempt)


@cron("* * * * *")
@task
def purge_document_windows():
    """A document's window opening or closing changes the pages that link to it and the OIT
    pages, and sends no signal: purge them in the minute it happens. (Pages' windows go
    through Wagtail's publish_scheduled, whose publish/unpublish signals purge.)"""
    from django.db.models import Q

    from prongsai.sitepages.models import AgencyDocument

    from . import rules
    from .services import purge

    now = timezone.now()
    since = cache.get(WINDOW_CHECKED_KEY) or now - dt.timedelta(minutes=2)
    documents = AgencyDocument.objects.filter(
        Q(publish_from__gt=since, publish_from__lte=now)
        | Q(publish_until__gt=since, publish_until__lte=now)
    )
    urls: set[str] = set()
    for document in documents:
        urls |= rules.for_document(document)
    purge(urls, reason="document-window")
    cache.set(WINDOW_CHECKED_KEY, now, 24 * 3600)
    return len(urls)
