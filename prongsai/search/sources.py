"""Other apps' content in the site search (``prongsai.core.sitesearch``, ADR 0271): what the
selectors need of each registered source beside pages and documents."""

from prongsai.core.sitesearch import SearchItem, SearchSource, sources


def registered() -> dict[str, SearchSource]:
    return {source.kind: source for source in sources()}


def visible_querysets(site) -> dict:
    """kind → the queryset of objects of that kind the public may find on ``site``."""
    return {kind: source.visible(site) for kind, source in registered().items()}


def items(kind: str, ids) -> dict[int, SearchItem]:
    """pk → what a result shows, for the objects of ``kind`` with these keys (still visible)."""
    source = registered().get(kind)
    if source is None or not ids:
        return {}
    return {obj.pk: source.describe(obj) for obj in source.visible(None).filter(pk__in=ids)}


def label(kind: str) -> str:
    source = registered().get(kind)
    return str(source.label) if source else ""
