"""The results a search page shows: what each found item is, with its words highlighted.

Building what a result shows costs more than finding it: a page's specific object (one query
per page type), its URL, the text of its StreamField, a document's extracted text, all
repaired and cut to a snippet. None of that depends on the query, only on the item; so each
process keeps it per item (``Shown``) under the site's generation tokens and the search
index's token (ADR 0340): a page saved, published or moved gives the site a new generation, a
document or answered question written to the index a new index token, and the kept items are
dropped. Only the highlighting is done per search. Without a stamp nothing is kept.
"""

import dataclasses
import datetime as dt
import re
import threading

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from prongsai.core.categories import Category
from prongsai.core.thaidate import arabic_digits

from . import sources as registered_sources
from . import thai
from .models import DocumentText

SNIPPET_LENGTH = 240
#: Characters of a text searched for a word that matched only without its tone marks.
FOLDED_MATCH_LIMIT = 100_000
#: Characters of shown text kept per process (about 2 bytes each); beyond it the kept items are
#: dropped and loaded again as searches ask for them.
KEPT_CHARACTERS = 4_000_000


@dataclasses.dataclass
class Hit:
    kind: str
    title: str
    title_html: SafeString
    url: str
    snippet: SafeString
    category: Category | None
    date: dt.date | None
    file_type: str = ""
    file_size: int | None = None
    #: What the result is when it is not a page of a category (documents, questions).
    label: str = ""


@dataclasses.dataclass(frozen=True)
class Shown:
    """What a result shows before highlighting: the same for every search that finds it."""

    kind: str
    title: str
    url: str
    text: str  # shown_text() of what the snippet is cut from
    category: Category | None
    date: dt.date | None
    file_type: str = ""
    file_size: int | None = None
    label: str = ""

    def hit(self, words: list[str]) -> Hit:
        return Hit(
            kind=self.kind,
            title=self.title,
            title_html=highlight(self.title, words, length=None),
            url=self.url,
            snippet=_highlight_shown(self.text, words, SNIPPET_LENGTH),
            category=self.category,
            date=self.date,
            file_type=self.file_type,
            file_size=self.file_size,
            label=self.label,
        )


class _Kept:
    def __init__(self):
        self.lock = threading.Lock()
        self.stamp = None
        self.items: dict[tuple[str, int], Shown] = {}
        self.characters = 0


_kept = _Kept()


def load_hits(found: list, query: str, stamp=None) -> list[Hit]:
    """The candidates' results, in order, with their snippets. ``stamp`` (the site's generation
    tokens and the index token) lets the process keep what each item shows."""
    words = thai.query_words(query)
    shown = _shown(found, stamp)
    keys = [(candidate.kind, candidate.pk) for candidate in found]
    return [shown[key].hit(words) for key in keys if key in shown]


def _shown(found: list, stamp) -> dict[tuple[str, int], Shown]:
    keys = [(candidate.kind, candidate.pk) for candidate in found]
    if stamp is None:
        return _load(keys)
    with _kept.lock:
        if _kept.stamp != stamp:
            _kept.stamp, _kept.items, _kept.characters = stamp, {}, 0
        result = {key: _kept.items[key] for key in keys if key in _kept.items}
    missing = [key for key in keys if key not in result]
    if missing:
        loaded = _load(missing)
        result.update(loaded)
        size = sum(len(item.text) + len(item.title) for item in loaded.values())
        with _kept.lock:
            if _kept.stamp == stamp:
                if _kept.characters + size > KEPT_CHARACTERS:
                    _kept.items, _kept.characters = {}, 0
                _kept.items.update(loaded)
                _kept.characters += size
    return result


def _load(keys: list[tuple[str, int]]) -> dict[tuple[str, int], Shown]:
    from prongsai.sitepages.models import AgencyDocument

    from .selectors import page_date, searchable_text

    page_ids = [pk for kind, pk in keys if kind == "page"]
    doc_ids = [pk for kind, pk in keys if kind == "document"]
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk(page_ids) if page_ids else {}
    docs = AgencyDocument.objects.select_related("search_text").in_bulk(doc_ids) if doc_ids else {}
    shown = {}
    for pk, page in pages.items():
        shown["page", pk] = Shown(
            kind="page",
            title=page.title,
            url=page.url or "",
            text=shown_text(searchable_text(page)),
            category=getattr(page, "category", None),
            date=page_date(page),
        )
    for pk, document in docs.items():
        try:
            extracted = document.search_text.text
        except DocumentText.DoesNotExist:
            extracted = ""
        shown["document", pk] = Shown(
            kind="document",
            title=document.title,
            url=document.url,
            text=shown_text(" ".join(filter(None, [document.description, extracted]))),
            category=None,
            date=document.published_date,
            file_type=document.file_type_label,
            file_size=document.size_in_bytes,
        )
    for kind in registered_sources.registered():
        ids = [pk for key_kind, pk in keys if key_kind == kind]
        if not ids:
            continue
        for pk, item in registered_sources.items(kind, ids).items():
            shown[kind, pk] = Shown(
                kind=kind,
                title=item.title,
                url=item.url,
                text=shown_text(item.text),
                category=None,
                date=item.date,
                label=registered_sources.label(kind),
            )
    return shown


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded as the index folds words (no tone marks or nikhahit, sara am as sara
    aa), with the position in ``text`` of each folded character."""
    folded, positions = [], []
    for position, character in enumerate(text):
        for kept in thai.fold(character):
            folded.append(kept)
            positions.append(position)
    return "".join(folded), positions


def _matches(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each query word, first to last, without overlaps.

    Case and Thai/Arabic digits are ignored. A word is matched as written when it occurs so;
    only a word that never does is matched ignoring tone marks and the nikhahit, as the index
    does (ADR 0062) — the text or the query lost them — so "น้ำ" does not light up "หน้า".
    """
    haystack = arabic_digits(text).lower()  # same length as text: positions carry over
    folded = positions = None
    found = []
    for word in {w.lower() for w in words if w}:
        exact = [(m.start(), m.end()) for m in re.finditer(re.escape(word), haystack)]
        if exact or not thai.fold(word):
            found += exact
            continue
        if folded is None:  # character by character: only as far as a snippet needs
            folded_part = haystack[:FOLDED_MATCH_LIMIT]
            folded, positions = _folded_with_positions(folded_part)
        for match in re.finditer(re.escape(thai.fold(word)), folded):
            end = positions[match.end()] if match.end() < len(positions) else len(folded_part)
            found.append((positions[match.start()], end))
    kept, cursor = [], 0
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if start >= cursor:
            kept.append((start, end))
            cursor = end
    return kept


def highlight(text: str, words: list[str], length: int | None = SNIPPET_LENGTH) -> SafeString:
    """Escaped text around the first match with every matched word wrapped in <mark>.

    The text shown is the original (repaired) text: Thai digits and tone marks stay as written.
    """
    return _highlight_shown(shown_text(text), words, length)


def shown_text(text: str) -> str:
    """Text as a result shows it: Thai repaired, whitespace collapsed."""
    return " ".join(thai.repair_thai(text or "").split())


def _highlight_shown(display: str, words: list[str], length: int | None) -> SafeString:
    matches = _matches(display, words)
    start, end = 0, len(display)
    if length is not None:
        start = max(0, (matches[0][0] if matches else 0) - length // 3)
        end = min(len(display), start + length)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for match_start, match_end in matches:
        if match_start < cursor or match_end > end:
            continue
        pieces.append(escape(display[cursor:match_start]))
        pieces.append(f"<mark>{escape(display[match_start:match_end])}</mark>")
        cursor = match_end
    pieces.append(escape(display[cursor:end]))
    pieces.append("…" if end < len(display) else "")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped
