"""The public OIT page's computation, cached per site + catalogue + day (ADR 0037).

Every key carries three *generation* tokens. The site's own (core/sitecache.py) changes with
any change to that site's pages or view restrictions, so publishing on one site leaves the
other sites' reports cached (issue 21). The site's compliance token changes with what is the
site's own: a document of the site saved, retagged or deleted (``evidence.sites_of_document``,
ADR 0292), an evidence link or a not-applicable decision of the site. The install's compliance
token changes with what all sites share: a catalogue or item edited. Either way the next
request computes afresh. The TTL (``PRONGSAI_OIT_CACHE_SECONDS``, default 300) bounds
what no signal announces: a document's publication window passing, and, with a per-process
cache (LocMemCache in development), a change made in another process.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from prongsai.core import sitecache

from .selectors import CompletenessReport, catalogue_completeness

GENERATION_KEY = "compliance:oit:generation"


def _generation(site_id=None) -> str:
    name = GENERATION_KEY if site_id is None else f"{GENERATION_KEY}:{site_id}"
    value = cache.get(name)
    if value is None:
        cache.add(name, uuid.uuid4().hex, None)
        value = cache.get(name, "")
    return value


def _bump(site_ids=None) -> None:
    if site_ids is None:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    else:
        cache.set_many({f"{GENERATION_KEY}:{pk}": uuid.uuid4().hex for pk in site_ids}, None)


def _bump_now_and_on_commit(site_ids=None) -> None:
    # Again when the change commits: a request computing between the two would otherwise
    # store pre-commit content.
    _bump(site_ids)
    transaction.on_commit(lambda: _bump(site_ids))


def invalidate(*args, **kwargs) -> None:
    """Signal receiver: forget every site's cached reports (a catalogue or item changed)."""
    _bump_now_and_on_commit()


def invalidate_site_of(sender, instance=None, **kwargs) -> None:
    """Signal receiver for what belongs to one site (an evidence link, a not-applicable
    decision): only that site's reports are forgotten."""
    site_id = getattr(instance, "site_id", None)
    _bump_now_and_on_commit(None if site_id is None else [site_id])


def invalidate_sites_of_document(sender, instance=None, **kwargs) -> None:
    """Signal receiver for a document saved, deleted or retagged: the reports of the sites
    the document belongs to are forgotten."""
    from wagtail.documents import get_document_model

    from .evidence import sites_of_document

    is_document = isinstance(instance, get_document_model())
    _bump_now_and_on_commit(sites_of_document(instance) if is_document else None)


def timeout() -> int:
    return int(settings.PRONGSAI_OIT_CACHE_SECONDS)


def cached_completeness(catalogue, site, today) -> CompletenessReport:
    seconds = timeout()
    if seconds <= 0:
        return catalogue_completeness(catalogue, site, today)
    key = sitecache.key(
        site.pk, "oit", _generation(), _generation(site.pk), catalogue.pk, today.isoformat()
    )
    report = cache.get(key)
    if report is None:
        report = catalogue_completeness(catalogue, site, today)
        cache.set(key, report, seconds)
    return report


def connect_signals() -> None:
    """Called from ComplianceConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.documents import get_document_model

    from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable

    # Pages and view restrictions change the site's own token (core/signals.py).
    uid = "compliance-oit-cache"
    Document = get_document_model()
    m2m_changed.connect(
        invalidate_sites_of_document, sender=Document.tags.through, dispatch_uid=f"{uid}-tags"
    )
    receivers = {
        Document: invalidate_sites_of_document,
        Catalogue: invalidate,
        CatalogueItem: invalidate,
        EvidenceLink: invalidate_site_of,
        NotApplicable: invalidate_site_of,
    }
    for model, receiver in receivers.items():
        label = model._meta.label_lower
        post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-save-{label}")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-delete-{label}")
