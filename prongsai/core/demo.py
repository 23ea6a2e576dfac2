"""Runs first in `load_demo`: the tree roots every later demo builds on.

Wagtail's migrations create the default locale, the root page and the root collection; a test
that flushes the database (transactional tests) removes them. Recreating them here, before the
accounts demo grants collection permissions, keeps `load_demo` working on such a database.
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


def ensure_wagtail_roots() -> Page:
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(title="Root", slug="root")


def load(stdout):
    ensure_wagtail_roots()
    return []
