"""Shared by every test: after a transactional test flushes the database, what the migrations
seeded is gone. Content types, permissions, role groups and catalogues come back through
post_migrate; Wagtail's root page, root collection and default locale do not, and the content
type cache still holds the old ids. Transactional tests get that baseline back here, so the
order tests run in (and which xdist worker runs them) does not matter.
"""

import pytest


def restore_wagtail_baseline():
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    ContentType.objects.clear_cache()
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _wagtail_baseline_for_transactional_tests(request):
    if _is_transactional(request):
        request.getfixturevalue("transactional_db")
        restore_wagtail_baseline()
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back between tests, so
    a site's cached work (core/sitecache.py) from an earlier test must not match the next."""
    from django.core.cache import cache

    from prongsai.core import pagequeries

    cache.clear()
    pagequeries.forget_routes()  # kept per process under tokens a rollback can bring back
    yield
