"""Changes that alter what every public page shows give the site a new generation token.

A save or delete of any page (publishing, unpublishing, moving and drafts all save the page),
of a site, of a view restriction or of a site setting bumps ``core.SiteGeneration`` in the
same transaction, so each process reloads its in-memory site state (prongsai/core/sitestate.py)
on its next request. Bumping on every page save, drafts included, is deliberately broad: a
page save is rare next to page views, and a missed change would show a stale menu.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import sitecache
from .sitestate import bump_generation

SITE_WIDE_MODELS = (Page, Site, PageViewRestriction, BaseSiteSetting, BaseGenericSetting)


def bump_on_site_wide_change(sender, instance=None, **kwargs):
    if isinstance(instance, SITE_WIDE_MODELS):
        bump_generation()
        _bump_site_caches(instance)


def bump_on_page_event(sender, instance=None, **kwargs):
    bump_generation()
    if "url_path_before" in kwargs:
        sitecache.bump_all()  # a move may cross from one site to another
    elif isinstance(instance, Page):
        sitecache.bump_for_path(instance.path)


def _bump_site_caches(instance) -> None:
    """Only the site the change belongs to loses its cached work (core/sitecache.py)."""
    if isinstance(instance, Page):
        sitecache.bump_for_path(instance.path)
    elif isinstance(instance, PageViewRestriction):
        sitecache.bump_for_path(instance.page.path)
    elif isinstance(instance, Site):
        sitecache.bump([instance.pk])
    elif isinstance(instance, BaseSiteSetting):
        sitecache.bump([instance.site_id])
    else:
        sitecache.bump_all()


def connect() -> None:
    post_save.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-save")
    post_delete.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_on_page_event, dispatch_uid=f"core-site-generation-{id(signal)}")
