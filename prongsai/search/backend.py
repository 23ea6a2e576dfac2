"""Wagtail's database search backend with Thai word segmentation (ADR 0061).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "prongsai.search.backend"}}``.

Wagtail (django-modelsearch) picks a backend per database: SQLite FTS5 for the demo, PostgreSQL
tsvector in production. Both keep their storage, ranking and query compilation; Prongsai changes
only the text that goes in and the query that comes out:

* indexing: every object is wrapped so each search field's value is segmented into space-separated
  Thai words (``thai.index_text``) before Wagtail's indexer sees it; documents get their extracted
  text and metadata as an extra body field (``document_fields``);
* searching: plain-text and phrase queries are segmented the same way.

Any other backend (OpenSearch) can reuse ``SegmentedObject`` and ``segment_query`` — see
docs/search.md.
"""

from django.db import connection
from django.db.models import FloatField, Func
from modelsearch.backends.database import SearchBackend as _vendor_backend
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from . import thai
from .document_fields import extra_search_text


def _flatten(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_flatten(item) for item in value.values())
    return str(value)


class _SegmentedField:
    """Mixin: a copy of a search field whose value comes out segmented."""

    def __init__(self, original, value_getter=None):
        self.__dict__.update(original.__dict__)
        self._original = original
        self._value_getter = value_getter

    def get_value(self, obj):
        target = getattr(obj, "_segmented_target", obj)
        # Wagtail's indexer asks for each value several times (title, body, plain texts…).
        cache = self.__dict__.setdefault("_values", {})
        if id(target) not in cache:
            if self._value_getter is not None:
                value = self._value_getter(target)
            else:
                value = self._original.get_value(target)
            cache[id(target)] = (target, thai.index_text(_flatten(value)))
        return cache[id(target)][1]


class SegmentedSearchField(_SegmentedField, SearchField):
    pass


class SegmentedAutocompleteField(_SegmentedField, AutocompleteField):
    pass


class SegmentedRelatedFields(RelatedFields):
    def __init__(self, original):
        super().__init__(original.field_name, [_segmented(f) for f in original.fields])

    def get_value(self, obj):
        return super().get_value(getattr(obj, "_segmented_target", obj))


def _segmented(field):
    if isinstance(field, SearchField):
        return SegmentedSearchField(field)
    if isinstance(field, AutocompleteField):
        return SegmentedAutocompleteField(field)
    if isinstance(field, RelatedFields):
        return SegmentedRelatedFields(field)
    return field  # filter fields carry no text


class SegmentedObject:
    """What Wagtail's indexer sees instead of the object: same pk, segmented field values."""

    def __init__(self, obj):
        self._segmented_target = obj
        self.pk = obj.pk
        self._fields = None

    def get_search_fields(self):
        if self._fields is None:
            fields = [_segmented(field) for field in self._segmented_target.get_search_fields()]
            extra = SearchField("prongsai_extra_text")
            fields.append(SegmentedSearchField(extra, value_getter=extra_search_text))
            self._fields = fields
        return self._fields


def segment_query(query):
    """The same query with its text segmented into the words the index holds."""
    if isinstance(query, PlainText):
        return _plain_text_query(query.query_string, query.operator)
    if isinstance(query, Phrase):
        return Phrase(" ".join(thai.index_text(query.query_string).split()))
    if isinstance(query, (And, Or)):
        return type(query)([segment_query(sub) for sub in query.subqueries])
    if isinstance(query, Not):
        return Not(segment_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(segment_query(query.subquery), query.boost)
    return query


def _plain_text_query(text: str, operator: str):
    """Each word whole, or all its compound parts: (w1 | p1 & p2) & w2 … for operator "and"."""
    terms = []
    for word, parts in thai.query_terms(text):
        whole = PlainText(word)
        terms.append(Or([whole, PlainText(" ".join(parts), operator="and")]) if parts else whole)
    if not terms:
        return PlainText("", operator=operator)
    if len(terms) == 1:
        return terms[0]
    return And(terms) if operator.lower() == "and" else Or(terms)


class SegmentingIndexMixin:
    def add_items(self, model, objs):
        super().add_items(model, [SegmentedObject(obj) for obj in objs])


class SegmentingCompilerMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = segment_query(self.query)


#: Weight of a match in the title against one in the body, in SQLite's bm25 (ADR 0220).
SQLITE_TITLE_WEIGHT = 10.0


class _WeightedBM25(Func):
    """FTS5's ``bm25()`` of the whole match, title weighted above body (lower is better)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        from modelsearch.conf import get_app_config

        table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        # Columns of the FTS5 table, in order: autocomplete, body, title.
        return f"bm25({table}, 0.0, 1.0, {SQLITE_TITLE_WEIGHT})", []


class SQLiteRankMixin:
    """One ``bm25()`` for the whole query instead of Wagtail's product of ``(1 + bm25)``.

    FTS5 computes ``bm25()`` once for the whole MATCH, and it is negative; Wagtail multiplies
    ``(1 + bm25)`` once per AND-ed sub-query, so with two terms and a strong match (bm25 below
    -1) the product turns positive and the best page sorts last. Column weights replace the
    title-length factor, which also stops long unspaced titles from being pushed down.
    """

    def _build_rank_expression(self, vectors, config):
        return _WeightedBM25()


def _thai_backend_class(vendor_backend):
    """Subclass a vendor backend so indexing and queries go through the Thai segmenter."""
    base = type(vendor_backend)
    index_class = type(
        "Thai" + base.index_class.__name__, (SegmentingIndexMixin, base.index_class), {}
    )

    def compiler(cls, *mixins):
        return type("Thai" + cls.__name__, (*mixins, SegmentingCompilerMixin, cls), {})

    # Autocomplete matches its own column: Wagtail's ranking stays for it.
    rank = (SQLiteRankMixin,) if connection.vendor == "sqlite" else ()
    attrs = {
        "index_class": index_class,
        "query_compiler_class": compiler(base.query_compiler_class, *rank),
        "autocomplete_query_compiler_class": compiler(base.autocomplete_query_compiler_class),
    }
    return type("Thai" + base.__name__, (base,), attrs)


_CLASSES: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    params = dict(params)
    if connection.vendor == "postgresql":
        # Segmented words must not be stemmed or dropped as English stop words.
        params.setdefault("SEARCH_CONFIG", "simple")
    vendor_backend = _vendor_backend(params)
    cls = _CLASSES.setdefault(type(vendor_backend), _thai_backend_class(vendor_backend))
    return cls(params)
