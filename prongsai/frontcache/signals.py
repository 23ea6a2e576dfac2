"""Every change a visitor can see purges the URLs it makes stale (rules.py), after commit."""

import functools
import logging

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from . import rules
from .services import enabled, purge

BEFORE = "_frontcache_before"
_moving: dict[int, list[str]] = {}
logger = logging.getLogger(__name__)


def never_blocks(handler):
    """A purge rule that fails is logged; the save or publish it follows goes on (the page's
    cache lifetime still ends at the next window edge)."""

    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        try:
            handler(*args, **kwargs)
        except Exception:
            logger.exception("front cache: %s failed", handler.__name__)

    return wrapper


@never_blocks
def remember_page_before_save(sender, instance, **kwargs):
    if not isinstance(instance, Page) or not instance.pk or not enabled():
        return
    row = Page.objects.filter(pk=instance.pk).values(*rules.MENU_FIELDS).first()
    if row is None:
        return
    if row["slug"] != instance.slug and row["live"]:
        row["old_urls"] = rules.old_urls_of_subtree(Page.objects.get(pk=instance.pk))
    setattr(instance, BEFORE, row)


@never_blocks
def purge_page(sender, instance, **kwargs):
    if enabled():
        before = getattr(instance, BEFORE, None)
        purge(rules.for_page_change(instance, before), reason="page")


@never_blocks
def remember_page_before_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and enabled():
        setattr(instance, BEFORE, {"urls": rules.for_page_change(instance)})


@never_blocks
def purge_deleted_page(sender, instance, **kwargs):
    stash = getattr(instance, BEFORE, None)
    if isinstance(instance, Page) and stash and "urls" in stash:
        purge(stash["urls"], reason="page-deleted")


@never_blocks
def remember_before_move(sender, instance, **kwargs):
    if enabled() and instance.live:
        # post_page_move may send another copy of the page: keep the old URLs by its id.
        _moving[instance.pk] = rules.old_urls_of_subtree(instance)


@never_blocks
def purge_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    old_urls = _moving.pop(instance.pk, None)
    if enabled() and old_urls is not None:
        urls = rules.for_move(instance, old_urls, parent_page_before, parent_page_after)
        purge(urls, reason="page-moved")


@never_blocks
def purge_everything(sender, instance=None, **kwargs):
    if enabled() and isinstance(instance, (Site, BaseSiteSetting, BaseGenericSetting)):
        purge(rules.everything(), reason="site-settings")


@never_blocks
def remember_document_links(sender, instance, **kwargs):
    if enabled():
        setattr(instance, BEFORE, {"urls": rules.for_document(instance)})


@never_blocks
def purge_document(sender, instance, **kwargs):
    if not enabled():
        return
    stash = getattr(instance, BEFORE, None)
    urls = stash["urls"] if stash and "urls" in stash else rules.for_document(instance)
    purge(urls, reason="document")


@never_blocks
def purge_oit(sender, **kwargs):
    if enabled():
        purge(rules.for_oit(), reason="oit")


def connect() -> None:
    uid = "frontcache"
    pre_save.connect(remember_page_before_save, dispatch_uid=f"{uid}-page-before")
    page_published.connect(purge_page, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(purge_page, dispatch_uid=f"{uid}-unpublished")
    pre_delete.connect(remember_page_before_delete, dispatch_uid=f"{uid}-page-pre-delete")
    post_delete.connect(purge_deleted_page, dispatch_uid=f"{uid}-page-deleted")
    pre_page_move.connect(remember_before_move, dispatch_uid=f"{uid}-pre-move")
    post_page_move.connect(purge_moved, dispatch_uid=f"{uid}-moved")
    post_save.connect(purge_everything, dispatch_uid=f"{uid}-site-wide-save")
    post_delete.connect(purge_everything, dispatch_uid=f"{uid}-site-wide-delete")

    document = get_document_model()
    pre_delete.connect(remember_document_links, sender=document, dispatch_uid=f"{uid}-doc-pre")
    post_save.connect(purge_document, sender=document, dispatch_uid=f"{uid}-doc-save")
    post_delete.connect(purge_document, sender=document, dispatch_uid=f"{uid}-doc-delete")

    from prongsai.compliance.models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable

    for model in (Catalogue, CatalogueItem, EvidenceLink, NotApplicable):
        label = model._meta.label_lower
        post_save.connect(purge_oit, sender=model, dispatch_uid=f"{uid}-oit-save-{label}")
        post_delete.connect(purge_oit, sender=model, dispatch_uid=f"{uid}-oit-delete-{label}")
