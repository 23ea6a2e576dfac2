"""The public OIT page's computation, cached per site + catalogue + day (ADR 0037).

Every key carries a *generation* token. Any change that can alter a report — a page published,
unpublished, moved or deleted, a document saved, retagged or deleted, a view restriction, an
evidence link, a not-applicable decision, a catalogue or item edited — replaces the token, so
the next request computes afresh. The TTL (``PRONGSAI_OIT_CACHE_SECONDS``, default 300) bounds
what no signal announces: a document's publication window passing, and, with a per-process
cache (LocMemCache in development), a change made in another process.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .selectors import CompletenessReport, catalogue_completeness

GENERATION_KEY = "compliance:oit:generation"


def _generation() -> str:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY, "")
    return value


def _bump() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate(*args, **kwargs) -> None:
    """Signal receiver: forget every cached report now and again when the change commits (a
    request computing between the two would otherwise store pre-commit content)."""
    _bump()
    transaction.on_commit(_bump)


def timeout() -> int:
    return int(settings.PRONGSAI_OIT_CACHE_SECONDS)


def cached_completeness(catalogue, site, today) -> CompletenessReport:
    seconds = timeout()
    if seconds <= 0:
        return catalogue_completeness(catalogue, site, today)
    key = f"compliance:oit:{_generation()}:{site.pk}:{catalogue.pk}:{today.isoformat()}"
    report = cache.get(key)
    if report is None:
        report = catalogue_completeness(catalogue, site, today)
        cache.set(key, report, seconds)
    return report


def connect_signals() -> None:
    """Called from ComplianceConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable

    uid = "compliance-oit-cache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid=f"{uid}-page-deleted")
    Document = get_document_model()
    m2m_changed.connect(invalidate, sender=Document.tags.through, dispatch_uid=f"{uid}-tags")
    for model in (
        Document,
        PageViewRestriction,
        Catalogue,
        CatalogueItem,
        EvidenceLink,
        NotApplicable,
    ):
        label = model._meta.label_lower
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-save-{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-delete-{label}")
