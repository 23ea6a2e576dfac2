"""Content of other apps that the public site search finds (dependency inversion, ADR 0271).

The search app sits beside the apps whose content it searches (feedback's answered questions)
in the same import layer, so it cannot import them. An app registers a ``SearchSource`` in its
``ready()``; the search app reads the registry. The source's model must be a Wagtail-indexed
model (``modelsearch.index.Indexed`` with ``search_fields``) whose ``get_indexed_objects()``
holds only what the public may find: the search index then never holds anything else.
"""

import dataclasses
import datetime as dt
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class SearchItem:
    """What a search result shows of one object."""

    title: str
    url: str
    text: str
    date: dt.date | None = None


@dataclasses.dataclass(frozen=True)
class SearchSource:
    #: The kind of result ("question"); also the key of the source.
    kind: str
    #: Shown on each result where a page shows its category ("กระดานถาม-ตอบ").
    label: str
    #: The objects the public may find on a site (a queryset of the indexed model).
    visible: Callable
    #: A result's title, link, text (for the snippet) and date.
    describe: Callable[[object], SearchItem]


_SOURCES: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    _SOURCES[source.kind] = source


def sources() -> list[SearchSource]:
    return list(_SOURCES.values())
