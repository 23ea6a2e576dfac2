"""Reads of the search app: the site search, snippets, suggestions and webmaster reports."""

import dataclasses
import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import IntegerField, Q, Sum, Value
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page

from prongsai.core.categories import CATEGORIES, Category
from prongsai.core.thaidate import fiscal_year, fiscal_year_bounds

from . import ranking, ranking_sqlite, thai
from . import sources as registered_sources
from .models import DocumentText, SearchQueryStat
from .services import MAX_QUERY_LENGTH

#: Most results gathered per content kind before merging, filtering and paging (docs/search.md).
MAX_CANDIDATES = 200
#: Pseudo-category of the filter that keeps only downloadable documents.
DOCUMENTS_FILTER = "documents"


@dataclasses.dataclass
class Candidate:
    kind: str  # "page" or "document"
    pk: int
    relevance: float
    #: Read with the ranking when it can be (PostgreSQL, pages and documents), else by _order.
    title: str | None = None


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


def visible_pages(site=None, now=None):
    """Published, public, unexpired pages of the site (at ``now``, by default the present)."""
    now = now or timezone.now()
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


def visible_documents(now=None):
    """Documents inside their publication window (at ``now``, by default the present) and not
    in a private collection."""
    from prongsai.sitepages.models import AgencyDocument

    now = now or timezone.now()
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
    if ranking_sqlite.available():
        # One full-text match for every kind, scores read with it (ADR 0340).
        rows = ranking_sqlite.ranked(
            sources,
            query,
            MAX_CANDIDATES,
            thai.query_phrase(query),
            any_word=any_word,
            titled=TITLED_KINDS,
        )
        # One row per object, as the backend's ``pk__in`` gave, should an object ever be
        # indexed under two content types of its kind.
        found, seen = [], set()
        for _all, kind, pk, score, holds_phrase, title in rows:
            if (kind, pk) not in seen:
                seen.add((kind, pk))
                relevance = _relevance(score) * (1 + ranking.BODY_PHRASE_BONUS * holds_phrase)
                found.append(Candidate(kind, pk, relevance, title))
        return found, rows[0][0] if rows else not any_word
    found = []
    for operator in ("and", "or") if any_word else ("and",):
        for kind, queryset in sources.items():
            found += _search(queryset, query, operator, kind)
        if found:
            break
    return found, operator == "and"


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


def _own_sources(site, category: str, file_type: str, now) -> dict:
    """kind → queryset of the pages and documents a search with these filters may find."""
    sources = {}
    if category != DOCUMENTS_FILTER:
        pages = visible_pages(site, now)
        if category:
            models = page_models_of_category(category)
            types = ContentType.objects.get_for_models(*models).values() if models else []
            pages = pages.filter(content_type__in=list(types))
        sources["page"] = pages
    if not category or category == DOCUMENTS_FILTER:
        documents = visible_documents(now)
        if file_type in FILE_TYPES:
            documents = documents_of_type(documents, file_type)
        sources["document"] = documents
    return sources


def candidates(
    query: str,
    *,
    site=None,
    category: str = "",
    file_type: str = "",
    any_word: bool = True,
    stamp=None,
) -> Candidates:
    """Matching pages and documents, best first. All words must match; if nothing does, any
    (unless ``any_word`` is False). ``file_type`` (a FILE_TYPES key) keeps only documents of
    that type. ``stamp`` (the site's generation tokens and the index token) lets the process
    keep the compiled visibility rules until it changes (ADR 0340)."""
    words = thai.query_words(query)
    if not words or not thai.query_terms(query):
        return Candidates()
    if file_type in FILE_TYPES:
        category = DOCUMENTS_FILTER
    if ranking_sqlite.available() and stamp is not None:
        sources = ranking_sqlite.kept_visibility(
            (stamp, site.pk if site else None, category, file_type),
            lambda now: _own_sources(site, category, file_type, now),
        )
    else:
        sources = _own_sources(site, category, file_type, timezone.now())
    if not category:  # answered questions and other apps' content (ADR 0271)
        sources.update(registered_sources.visible_querysets(site))
    found, all_words = _search_all(sources, query, any_word=len(words) > 1 and any_word)
    ordered = Candidates(_order(found, query))
    ordered.all_words = all_words
    return ordered


def page_date(page) -> dt.date | None:
    published = getattr(page, "published_date", None)
    if published:
        return published
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def filter_by_fiscal_year(found: list[Candidate], year: int) -> "Candidates":
    """Candidates whose publication date falls in fiscal year ``year`` (Christian era)."""
    from prongsai.sitepages.models import AgencyDocument

    start, end = fiscal_year_bounds(year)
    pages = Page.objects.filter(pk__in=[c.pk for c in found if c.kind == "page"]).specific()
    page_dates = {page.pk: page_date(page) for page in pages}
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
