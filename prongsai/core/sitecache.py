"""Per-site cache generations: what is computed from a site's pages is cached under its token.

Listing counts, sitemaps, the OIT page and the statistics are expensive to compute at 50,000
items and change only when something of *that* site changes. Each site has a random token in
the shared cache; a change to a page, a view restriction or a setting replaces the token of the
site(s) it belongs to (now and again when the change commits, so a request computing between
the two cannot store pre-commit content), and every key built with ``key()`` misses from then
on. Other sites keep their cached work (docs/adr/0211-per-site-cache-generations.md).

A token that the cache evicted is simply replaced: the worst case is one recomputation.
"""

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

_PREFIX = "prongsai:sitegen:"


def token(site_id) -> str:
    name = f"{_PREFIX}{site_id}"
    value = cache.get(name)
    if value is None:
        cache.add(name, uuid.uuid4().hex, None)
        value = cache.get(name, "")
    return value


def key(site_id, *parts) -> str:
    """A cache key that stops matching when anything of the site changes."""
    return ":".join(["prongsai:site", str(site_id), token(site_id), *map(str, parts)])


def _replace(site_ids: list) -> None:
    if site_ids:
        cache.set_many({f"{_PREFIX}{pk}": uuid.uuid4().hex for pk in site_ids}, None)


def bump(site_ids: Iterable) -> None:
    ids = list(site_ids)
    _replace(ids)
    transaction.on_commit(lambda: _replace(ids))


def sites_containing(path: str) -> list:
    """The sites whose tree holds the page at tree path ``path`` (one small query)."""
    from wagtail.models import Site

    return [
        pk
        for pk, root in Site.objects.values_list("pk", "root_page__path")
        if path.startswith(root)
    ]


def bump_for_path(path: str) -> None:
    bump(sites_containing(path))


def bump_all() -> None:
    from wagtail.models import Site

    bump(Site.objects.values_list("pk", flat=True))
