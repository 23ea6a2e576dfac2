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

from .sitestate import bump_generation

SITE_WIDE_MODELS = (Page, Site, PageViewRestriction, BaseSiteSetting, BaseGenericSetting)


def bump_on_site_wide_change(sender, instance=None, **kwargs):
    if isinstance(instance, SITE_WIDE_MODELS):
        bump_generation()


def bump_on_page_event(sender, **kwargs):
    bump_generation()


def connect() -> None:
    post_save.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-save")
    post_delete.connect(bump_on_site_wide_change, dispatch_uid="core-site-generation-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_on_page_event, dispatch_uid=f"core-site-generation-{id(signal)}")
