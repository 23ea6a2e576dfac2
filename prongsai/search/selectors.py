"""Reads of the search app: the site search, snippets, suggestions and webmaster reports."""

import dataclasses
import datetime as dt
import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import IntegerField, Q, Sum, Value
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Collection, CollectionViewRestriction, Page

from prongsai.core.categories import CATEGORIES, Category
from prongsai.core.thaidate import arabic_digits, fiscal_year, fiscal_year_bounds

from . import ranking, thai
from . import sources as registered_sources
from .models import DocumentText, SearchQueryStat
from .services import MAX_QUERY_LENGTH

#: Most results gathered per content kind before merging, filtering and paging (docs/search.md).
MAX_CANDIDATES = 200
#: Pseudo-category of the filter that keeps only downloadable documents.
DOCUMENTS_FILTER = "documents"
SNIPPET_LENGTH = 240
#: Characters of a text searched for a word that matched only without its tone marks.
FOLDED_MATCH_LIMIT = 100_000


@dataclasses.dataclass
class Candidate:
    kind: str  # "page" or "document"
    pk: int
    relevance: float
    #: Read with the ranking when it can be (PostgreSQL, pages and documents), else by _order.
    title: str | None = None


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


def clean_query(raw: str | None) -> str:
    """The query as searched: whitespace collapsed and cut at MAX_QUERY_LENGTH characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH].strip()


def _relevance(score) -> float:
    # SQLite's bm25() is better when lower; PostgreSQL's ts_rank when higher.
    value = float(score or 0.0)
    return -value if connection.vendor == "sqlite" else value


def page_models_of_category(code: str) -> list[type]:
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if getattr(model, "category_code", "") == code]


def visible_pages(site=None):
    """Published, public, unexpired pages of the site."""
    now = timezone.now()
    pages = Page.objects.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def _private_collection_ids() -> set[int]:
    ids: set[int] = set()
    restricted = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    )
    for collection in restricted:
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


#: The document types a visitor filters by (R12), value → file extensions.
FILE_TYPES = {
    "pdf": ("pdf",),
    "word": ("doc", "docx", "odt"),
    "excel": ("xls", "xlsx", "ods", "csv"),
}


def documents_of_type(documents, file_type: str):
    """Documents whose file has one of the extensions of ``file_type`` (a FILE_TYPES key)."""
    condition = Q()
    for extension in FILE_TYPES[file_type]:
        condition |= Q(file__iendswith=f".{extension}")
    return documents.filter(condition)


def visible_documents():
    """Documents inside their publication window and not in a private collection."""
    from prongsai.sitepages.models import AgencyDocument

    now = timezone.now()
    return (
        AgencyDocument.objects.filter(Q(publish_from__isnull=True) | Q(publish_from__lte=now))
        .filter(Q(publish_until__isnull=True) | Q(publish_until__gt=now))
        .exclude(collection_id__in=_private_collection_ids())
    )


def _search(queryset, query: str, operator: str, kind: str) -> list[Candidate]:
    # Visibility rules use fields the search backend cannot filter on: pass them as a subquery.
    from modelsearch.backends import get_search_backend

    searchable = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
    found = get_search_backend().search(query, searchable, operator=operator)
    results = found.annotate_score("_score")
    return [Candidate(kind, obj.pk, _relevance(obj._score)) for obj in results[:MAX_CANDIDATES]]


#: Kinds whose titles the PostgreSQL ranking statement reads for the ordering (their models have
#: a ``title`` column; other apps' content describes its title in Python).
TITLED_KINDS = frozenset({"page", "document"})


def _search_all(sources: dict, query: str, any_word: bool) -> tuple[list[Candidate], bool]:
    """Candidates matching all the query's words or, if none does and ``any_word``, any of
    them; and whether they match all."""
    if ranking.available():
        # Bounded pools ranked in one round trip: fast on large sites (ADR 0066, 0320).
        found = ranking.ranked(
            sources,
            thai.query_terms(query),
            MAX_CANDIDATES,
            thai.query_phrase(query),
            any_word=any_word,
            titled=TITLED_KINDS,
        )
        all_words = found[0][0] if found else not any_word  # as the SQLite path says
        return [Candidate(kind, pk, score, title) for _all, kind, pk, score, title in found], (
            all_words
        )
    found = []
    for operator in ("and", "or") if any_word else ("and",):
        for kind, queryset in sources.items():
            found += _search(queryset, query, operator, kind)
        if found:
            break
    if connection.vendor == "sqlite":
        _raise_body_phrases(found, query)
    return found, operator == "and"


def _raise_body_phrases(found: list[Candidate], query: str) -> None:
    """SQLite: raise candidates whose indexed text holds the query as a phrase (on PostgreSQL
    the ranking statement does it). The index text is read for the candidates only."""
    from modelsearch.conf import get_app_config

    from prongsai.sitepages.models import AgencyDocument

    indexed = thai.query_phrase(query)
    if len(indexed.split()) < 2 or not found:
        return
    phrase = indexed.replace(" ", "")  # as the candidates' index text holds it, spaces removed
    kinds = {ContentType.objects.get_for_model(AgencyDocument).pk: "document"}
    for kind, queryset in registered_sources.visible_querysets(None).items():
        kinds[ContentType.objects.get_for_model(queryset.model).pk] = kind
    entries = (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(object_id__in={str(candidate.pk) for candidate in found})
    )
    holding = set()
    for content_type, object_id, body in entries.values_list(
        "content_type_id", "object_id", "body"
    ):
        if phrase in body[:FOLDED_MATCH_LIMIT].replace(" ", ""):
            holding.add((kinds.get(content_type, "page"), int(object_id)))
    for candidate in found:
        if (candidate.kind, candidate.pk) in holding:
            candidate.relevance *= 1 + ranking.BODY_PHRASE_BONUS


def _titles(found: list[Candidate]) -> dict[tuple[str, int], str]:
    from prongsai.sitepages.models import AgencyDocument

    titles = {}
    for kind, model in (("page", Page), ("document", AgencyDocument)):
        ids = [c.pk for c in found if c.kind == kind]
        if ids:
            rows = model.objects.filter(pk__in=ids).values_list("pk", "title")
            titles.update({(kind, pk): title for pk, title in rows})
    for kind in registered_sources.registered():
        ids = [c.pk for c in found if c.kind == kind]
        described = registered_sources.items(kind, ids)
        titles.update({(kind, pk): item.title for pk, item in described.items()})
    return titles


#: Candidates, best by relevance, whose titles are compared with the query (ADR 0222).
TITLE_ORDER_POOL = 100


def _order(found: list[Candidate], query: str) -> list[Candidate]:
    """Best first: a title that is the query, then titles holding the whole query as written
    (spaces, punctuation and tone marks ignored), then the rest, each by relevance (ADR 0222).
    Only the best TITLE_ORDER_POOL candidates' titles are read."""
    found = sorted(found, key=lambda candidate: candidate.relevance, reverse=True)
    head, tail = found[:TITLE_ORDER_POOL], found[TITLE_ORDER_POOL:]
    phrase = thai.compact(query)
    if not phrase:
        return found
    titles = _titles([candidate for candidate in head if candidate.title is None])
    for candidate in head:
        if candidate.title is None:
            candidate.title = titles.get((candidate.kind, candidate.pk), "")

    def key(candidate: Candidate):
        title = thai.compact(candidate.title)
        return (title == phrase, phrase in title, candidate.relevance)

    return sorted(head, key=key, reverse=True) + tail


class Candidates(list):
    """Candidates best first; ``all_words`` is False when they match only some of the words."""

    all_words = True


def candidates(
    query: str, *, site=None, category: str = "", file_type: str = "", any_word: bool = True
) -> Candidates:
    """Matching pages and documents, best first. All words must match; if nothing does, any
    (unless ``any_word`` is False). ``file_type`` (a FILE_TYPES key) keeps only documents of
    that type."""
    words = thai.query_words(query)
    if not words or not thai.query_terms(query):
        return Candidates()
    sources = {}
    if file_type in FILE_TYPES:
        category = DOCUMENTS_FILTER
    if category != DOCUMENTS_FILTER:
        pages = visible_pages(site)
        if category:
            models = page_models_of_category(category)
            types = ContentType.objects.get_for_models(*models).values() if models else []
            pages = pages.filter(content_type__in=list(types))
        sources["page"] = pages
    if not category or category == DOCUMENTS_FILTER:
        documents = visible_documents()
        if file_type in FILE_TYPES:
            documents = documents_of_type(documents, file_type)
        sources["document"] = documents
    if not category:  # answered questions and other apps' content (ADR 0271)
        sources.update(registered_sources.visible_querysets(site))
    found, all_words = _search_all(sources, query, any_word=len(words) > 1 and any_word)
    ordered = Candidates(_order(found, query))
    ordered.all_words = all_words
    return ordered


def _page_date(page) -> dt.date | None:
    published = getattr(page, "published_date", None)
    if published:
        return published
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def load_hits(found: list[Candidate], query: str) -> list[Hit]:
    """Pages and documents of the candidates, in order, with their snippets."""
    from prongsai.sitepages.models import AgencyDocument

    page_ids = [c.pk for c in found if c.kind == "page"]
    doc_ids = [c.pk for c in found if c.kind == "document"]
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk(page_ids) if page_ids else {}
    docs = AgencyDocument.objects.select_related("search_text").in_bulk(doc_ids)
    others = {
        kind: registered_sources.items(kind, [c.pk for c in found if c.kind == kind])
        for kind in registered_sources.registered()
    }
    words = thai.query_words(query)
    hits = []
    for candidate in found:
        if candidate.kind == "page" and candidate.pk in pages:
            hits.append(_page_hit(pages[candidate.pk], words))
        elif candidate.kind == "document" and candidate.pk in docs:
            hits.append(_document_hit(docs[candidate.pk], words))
        elif candidate.pk in others.get(candidate.kind, {}):
            item = others[candidate.kind][candidate.pk]
            hits.append(_other_hit(candidate.kind, item, words))
    return hits


def filter_by_fiscal_year(found: list[Candidate], year: int) -> "Candidates":
    """Candidates whose publication date falls in fiscal year ``year`` (Christian era)."""
    from prongsai.sitepages.models import AgencyDocument

    start, end = fiscal_year_bounds(year)
    pages = Page.objects.filter(pk__in=[c.pk for c in found if c.kind == "page"]).specific()
    page_dates = {page.pk: _page_date(page) for page in pages}
    doc_dates = dict(
        AgencyDocument.objects.filter(
            pk__in=[c.pk for c in found if c.kind == "document"]
        ).values_list("pk", "published_date")
    )
    dates_of = {"page": page_dates, "document": doc_dates}
    for kind in registered_sources.registered():
        described = registered_sources.items(kind, [c.pk for c in found if c.kind == kind])
        dates_of[kind] = {pk: item.date for pk, item in described.items()}
    kept = Candidates()
    kept.all_words = getattr(found, "all_words", True)
    for candidate in found:
        date = dates_of.get(candidate.kind, {}).get(candidate.pk)
        if date and start <= date <= end:
            kept.append(candidate)
    return kept


def searchable_text(page) -> str:
    """A page's indexed text other than its title, as written."""
    from modelsearch.index import SearchField

    parts = []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(page)
            text = value if isinstance(value, str) else " ".join(map(str, value or []))
            if text and text not in parts:  # the introduction is often repeated in the body
                parts.append(text)
    return " ".join(parts)


def _page_hit(page, words) -> Hit:
    return Hit(
        kind="page",
        title=page.title,
        title_html=highlight(page.title, words, length=None),
        url=page.url or "",
        snippet=highlight(searchable_text(page), words),
        category=getattr(page, "category", None),
        date=_page_date(page),
    )


def _document_hit(document, words) -> Hit:
    try:
        extracted = document.search_text.text
    except DocumentText.DoesNotExist:
        extracted = ""
    return Hit(
        kind="document",
        title=document.title,
        title_html=highlight(document.title, words, length=None),
        url=document.url,
        snippet=highlight(" ".join(filter(None, [document.description, extracted])), words),
        category=None,
        date=document.published_date,
        file_type=document.file_type_label,
        file_size=document.size_in_bytes,
    )


def _other_hit(kind: str, item, words) -> Hit:
    return Hit(
        kind=kind,
        title=item.title,
        title_html=highlight(item.title, words, length=None),
        url=item.url,
        snippet=highlight(item.text, words),
        category=None,
        date=item.date,
        label=registered_sources.label(kind),
    )


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
    display = " ".join(thai.repair_thai(text or "").split())
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


def category_suggestions(query: str, site=None, limit: int = 5) -> list[Page]:
    """Category section pages closest to the query (shared words first), for "nothing found"."""
    words = set(thai.query_words(query))
    sections = []
    for page in visible_pages(site).filter(depth__gte=3).filter(depth__lte=3).specific():
        category = getattr(page, "category", None)
        if category is None:
            continue
        shared = len(words & set(thai.words(f"{page.title} {category.name_th}")))
        sections.append((shared, page))
    sections.sort(key=lambda item: -item[0])
    return [page for _shared, page in sections[:limit]]


def fiscal_year_choices(today: dt.date | None = None, count: int = 5) -> list[int]:
    current = fiscal_year(today or timezone.localdate())
    return [current - offset for offset in range(count)]


def documents_needing_attention():
    """Documents found only by title and metadata: no text could be extracted from the file."""
    return (
        DocumentText.objects.filter(status__in=DocumentText.NEEDS_ATTENTION)
        .select_related("document")
        .order_by("-updated_at")
    )


def searches_without_results(days: int = 30, limit: int = 100):
    """Normalised queries that found nothing in the last ``days`` days, most frequent first."""
    since = timezone.localdate() - dt.timedelta(days=days)
    return (
        SearchQueryStat.objects.filter(day__gte=since, searches_without_results__gt=0)
        .values("query")
        .annotate(misses=Sum("searches_without_results"), total=Sum("searches"))
        .order_by("-misses", "query")[:limit]
    )


def category_of(code: str) -> Category | None:
    return CATEGORIES.get(code)


def objects_missing_from_the_index() -> dict[str, int]:
    """Live pages and documents without an index entry (the index is behind the site)."""
    from django.db.models import CharField, Exists, OuterRef
    from django.db.models.functions import Cast
    from modelsearch.conf import get_app_config

    from prongsai.sitepages.models import AgencyDocument

    entries = (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(
            content_type=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )
    document_type = ContentType.objects.get_for_model(AgencyDocument).pk
    documents = AgencyDocument.objects.annotate(
        content_type_id=Value(document_type, output_field=IntegerField())
    )
    return {
        "pages": Page.objects.live().filter(depth__gt=1).exclude(Exists(entries)).count(),
        "documents": documents.exclude(Exists(entries)).count(),
    }
