"""Changes that alter what a site's public pages show give the site a new generation token.

A save or delete of any page (publishing, unpublishing, moving and drafts all save the page),
of a view restriction (of a page or a collection) or of a site setting bumps that site's ``core.SiteGeneration`` row in the
same transaction, so each process reloads the site's in-memory state (prongsai/core/sitestate.py)
on its next request; a site, a generic setting or a page move bumps the install-wide row, which
every site's state depends on (ADR 0291). The site's cached work (core/sitecache.py) follows the
same rule. Bumping on every page save, drafts included, is deliberately broad: a page save is
rare next to page views, and a missed change would show a stale menu.
"""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import sitecache, windowedges
from .sitestate import bump_generation

logger = logging.getLogger(__name__)

# A collection's view restriction (or the collection tree it covers) decides which documents
# the public may find on every site: the kept search pages and results follow it (ADR 0340).
SITE_WIDE_MODELS = (
    Page,
    Site,
    PageViewRestriction,
    BaseSiteSetting,
    BaseGenericSetting,
    Collection,
    CollectionViewRestriction,
)


def bump_on_site_wide_change(sender, instance=None, **kwargs):
    if isinstance(instance, SITE_WIDE_MODELS):
        site_ids = _sites_of(instance)
        bump_generation(site_ids)
        if site_ids is None:
            sitecache.bump_all()
        else:
            sitecache.bump(site_ids)


def bump_on_page_event(sender, instance=None, **kwargs):
    if "url_path_before" in kwargs:  # a move may cross from one site to another
        bump_generation()
        sitecache.bump_all()
    elif isinstance(instance, Page):
        site_ids = sitecache.sites_containing(instance.path)
        bump_generation(site_ids)
        sitecache.bump(site_ids)


def bump_on_file_change(sender, instance=None, **kwargs):
    """A document or an image shown on pages changed: what is kept of those pages (their routed
    instances with the files they hold, their HTML; ADR 0310, 0312) is built anew everywhere.
    Files are not tied to one site, so the install-wide token changes."""
    if isinstance(instance, (get_document_model(), get_image_model())):
        bump_generation()


def forget_window_edge(sender, instance=None, **kwargs):
    """A page, revision or document saved or deleted may have moved the next window edge
    (R30): the front cache and the cached listings ask for it again. A cache that cannot be
    reached never blocks the save; the stored edge is rechecked within minutes anyway."""
    if isinstance(instance, (Page, Revision, get_document_model())):
        try:
            windowedges.forget()
        except Exception:
            logger.exception("could not forget the stored window edge")


def _sites_of(instance) -> list | None:
    """The sites whose public pages the change can alter; None when it can alter every site's
    (a site itself: host names and the URL prefix of the others depend on it; a generic
    setting; a collection or its view restriction: documents are found on every site)."""
    if isinstance(instance, Page):
        return sitecache.sites_containing(instance.path)
    if isinstance(instance, PageViewRestriction):
        return sitecache.sites_containing(instance.page.path)
    if isinstance(instance, BaseSiteSetting):
        return [instance.site_id]
    return None


def connect() -> None:
    post_save.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-save")
    post_delete.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-delete")
    for model in (get_document_model(), get_image_model()):
        label = model._meta.label_lower
        post_save.connect(bump_on_file_change, sender=model, dispatch_uid=f"core-file-{label}")
        post_delete.connect(bump_on_file_change, sender=model, dispatch_uid=f"core-file-d-{label}")
    # Senders are the concrete page classes, so the handler checks the instance itself.
    post_save.connect(forget_window_edge, dispatch_uid="core-window-edge-save")
    post_delete.connect(forget_window_edge, dispatch_uid="core-window-edge-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_on_page_event, dispatch_uid=f"core-site-generation-{id(signal)}")
