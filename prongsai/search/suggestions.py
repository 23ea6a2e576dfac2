"""Reads for "did you mean" (issue 18, ADR 0270): a site's lexicon and the suggestion itself."""

import dataclasses
import threading
from collections.abc import Callable

from django.db.models import Count, Max

from . import vocabulary
from .models import VocabularyTerm

#: A query that finds fewer results than this may get a suggestion.
SUGGEST_BELOW = 3
#: Longer queries are pasted text, not typed words: no suggestion (and no cost).
MAX_CORRECTED_LENGTH = 80


@dataclasses.dataclass
class _Cached:
    count: int
    top_id: int
    last_word: str
    lexicon: vocabulary.Lexicon


_lexicons: dict[int, _Cached] = {}
_lock = threading.Lock()


def lexicon_for(site) -> vocabulary.Lexicon:
    """The site's vocabulary as a lexicon, kept per process and brought up to date with one
    aggregate query: words added since (a page published) are added to it, anything else (a
    rebuild) reloads it."""
    terms = VocabularyTerm.objects.filter(site=site)
    # The last word too: a rolled-back transaction can hand out the same ids again (tests).
    state = terms.aggregate(count=Count("id"), top_id=Max("id"), last_word=Max("word"))
    count, top_id, last_word = state["count"], state["top_id"] or 0, state["last_word"] or ""
    cached = _lexicons.get(site.pk)
    if cached and (cached.count, cached.top_id, cached.last_word) == (count, top_id, last_word):
        return cached.lexicon
    with _lock:
        cached = _lexicons.get(site.pk)
        if cached and cached.top_id <= top_id:
            added = list(terms.filter(id__gt=cached.top_id).values_list("word", "pages"))
            grown_last = max([cached.last_word, *(word for word, _pages in added)])
            if cached.count + len(added) == count and grown_last == last_word:
                cached.lexicon.add(added)
                cached.count, cached.top_id, cached.last_word = count, top_id, last_word
                return cached.lexicon
        lexicon = vocabulary.Lexicon(terms.values_list("word", "pages").iterator(chunk_size=2000))
        _lexicons[site.pk] = _Cached(count, top_id, last_word, lexicon)
        return lexicon


def correction(query: str, site) -> str:
    """The query with misspelled words replaced by words of the site's pages ("" if none)."""
    if site is None or not query or len(query) > MAX_CORRECTED_LENGTH:
        return ""
    lexicon = lexicon_for(site)
    if not len(lexicon):
        return ""
    # Only pieces the site does not hold (ignoring tone marks) are corrected: the correction
    # always differs from the query as searched.
    return vocabulary.correct(query, lexicon) or ""


def did_you_mean(
    query: str, site, *, found: int, all_words: bool, count: Callable[[str], int]
) -> str:
    """A correction of a query that found fewer than SUGGEST_BELOW results, or found them only
    by some of its words. It is offered only when all its words find something together
    (``count`` runs the same search, same filters, all words required). So a word left in the
    vocabulary by a page withdrawn since the last rebuild is never suggested: the search sees
    only what the public may see."""
    if found >= SUGGEST_BELOW and all_words:
        return ""
    corrected = correction(query, site)
    if corrected and count(corrected) > 0:
        return corrected
    return ""
