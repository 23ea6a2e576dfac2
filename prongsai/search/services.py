"""State changes of the search app: document text extraction, query counting and the
vocabulary of "did you mean"."""

import logging
from collections import Counter

from django.db import connection, transaction
from django.utils import timezone
from modelsearch.index import insert_or_update_object

from . import thai
from .extraction import UnsupportedFile, extract_text
from .kept import forget_kept_searches
from .models import DocumentText, SearchQueryStat, VocabularyTerm

logger = logging.getLogger(__name__)

#: Queries are cut to this many characters before searching and counting (docs/search.md).
MAX_QUERY_LENGTH = 200


def schedule_text_extraction(document) -> None:
    """Mark a document's text as pending and extract it in the worker after the commit.

    Called when a document is saved; a save that did not change the file does nothing.
    """
    from .tasks import extract_document_text

    current = DocumentText.objects.filter(document=document).first()
    if current and current.file_hash == (document.file_hash or "") and current.status != "pending":
        return
    DocumentText.objects.update_or_create(
        document=document, defaults={"status": DocumentText.Status.PENDING, "error": ""}
    )
    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))


def extract_and_index(document) -> DocumentText:
    """Extract a document's text, store it with its status, and re-index the document.

    A file that cannot be read keeps the document findable by title and metadata; the status
    and error flag it for the webmaster (daily check and the admin report).
    """
    status, text, error = DocumentText.Status.DONE, "", ""
    extension = (document.file_extension or "").lower()
    try:
        with document.open_file() as handle:
            data = handle.read()
        text = extract_text(data, extension).strip()
        if not text:
            status = DocumentText.Status.EMPTY
            error = "ไม่พบข้อความในไฟล์ (อาจเป็นภาพสแกน) ควรแนบไฟล์ที่มีข้อความหรือเพิ่มคำอธิบาย"
    except UnsupportedFile:
        status = DocumentText.Status.UNSUPPORTED
        error = f"ไม่รองรับการดึงข้อความจากไฟล์ชนิด {extension or '(ไม่ทราบ)'}"
    except Exception as exc:  # noqa: BLE001 - any parser failure only flags the document
        logger.warning("Text extraction failed for document %s: %s", document.pk, exc)
        status = DocumentText.Status.FAILED
        error = f"ดึงข้อความไม่สำเร็จ: {str(exc)[:500]}"
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={
            "text": text,
            "status": status,
            "error": error,
            "file_hash": document.file_hash or "",
        },
    )
    insert_or_update_object(document)
    forget_kept_searches()  # the document is now found by its text
    return record


def normalized_query(query: str) -> str:
    """The form a query is counted under: repaired, single-spaced, lower case, cut."""
    return " ".join(thai.normalize(query).split())[:MAX_QUERY_LENGTH]


def record_search(query: str, *, found: bool) -> None:
    """Count one search for the day: aggregate only, never who searched or from where.

    One statement (insert, or add to the day's row when it exists): the count is written on
    every search, and a read, a write and a transaction around them cost four round trips."""
    text = normalized_query(query)
    if not text:
        return
    table = connection.ops.quote_name(SearchQueryStat._meta.db_table)
    day = connection.ops.adapt_datefield_value(timezone.localdate())
    with connection.cursor() as cursor:
        # ON CONFLICT … DO UPDATE is the same on PostgreSQL and SQLite (3.24+); the unique
        # constraint on (day, query) makes concurrent first searches of a query safe.
        cursor.execute(
            f"INSERT INTO {table} (day, query, searches, searches_without_results) "  # noqa: S608
            "VALUES (%s, %s, 1, %s) ON CONFLICT (day, query) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"searches_without_results = {table}.searches_without_results "
            "+ excluded.searches_without_results",
            [day, text, 0 if found else 1],
        )


#: Pages read at a time when the vocabulary is rebuilt.
VOCABULARY_BATCH = 200
#: Characters of a document's extracted text read for the vocabulary.
DOCUMENT_TEXT = 100_000


def vocabulary_words(text: str) -> set[str]:
    """The words of ``text`` worth suggesting: segmented as the index segments them (tone marks
    kept, Latin in lower case) with their compound parts, two to 40 characters, no numbers."""
    longest = VocabularyTerm._meta.get_field("word").max_length
    words = set()
    for word, pieces in thai.tokens(text):
        # A dictionary compound's parts too ("น้ำประปา" → น้ำ, ประปา), as the index holds them.
        for kept in (word, *(pieces or thai.compound_parts(word))):
            if 2 <= len(kept) <= longest and not kept.isdigit():
                words.add(kept)
    return words


def _page_words(page) -> set[str]:
    from .selectors import searchable_text

    return vocabulary_words(f"{page.title} {searchable_text(page)}")


def rebuild_vocabulary(site) -> int:
    """Replace the site's vocabulary with the words of its live, public, unexpired pages and of
    the documents the search shows (with how many hold each). Returns the number of words."""
    from wagtail.models import Page

    from .selectors import visible_documents, visible_pages

    counts: Counter = Counter()
    ids = list(visible_pages(site).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), VOCABULARY_BATCH):
        for page in Page.objects.filter(pk__in=ids[start : start + VOCABULARY_BATCH]).specific():
            counts.update(_page_words(page))
    # Documents are found on every site (the search shows them all): their words count too.
    for title, description, text in visible_documents().values_list(
        "title", "description", "search_text__text"
    ):
        counts.update(vocabulary_words(f"{title} {description} {(text or '')[:DOCUMENT_TEXT]}"))
    with transaction.atomic():
        VocabularyTerm.objects.filter(site=site).delete()
        VocabularyTerm.objects.bulk_create(
            [VocabularyTerm(site=site, word=word, pages=n) for word, n in counts.items()],
            batch_size=1000,
        )
        forget_kept_searches()  # "did you mean" is part of the kept search pages
    return len(counts)


def site_of(page):
    """The page's site, or None. Wagtail answers from its cached site roots, which can still
    name a site deleted in the same transaction (a profile loaded with ``--replace``)."""
    from wagtail.models import Site

    try:
        return page.get_site()
    except Site.DoesNotExist:
        return None


def add_page_to_vocabulary(page) -> None:
    """Add the words of a page just published (if the public can see it) to its site's
    vocabulary, so a correction can point at it at once; counts are set by the next rebuild."""
    from .selectors import visible_pages

    site = site_of(page)
    if site is None or not visible_pages(site).filter(pk=page.pk).exists():
        return
    VocabularyTerm.objects.bulk_create(
        [VocabularyTerm(site=site, word=word) for word in _page_words(page.specific)],
        ignore_conflicts=True,
    )


def _rebuild_scheduled(connection, site_id: int) -> bool:
    return any(
        getattr(callback, "vocabulary_site_id", None) == site_id
        for _savepoints, callback, _robust in connection.run_on_commit
    )


def schedule_vocabulary_rebuild(site_id: int) -> None:
    """Rebuild a site's vocabulary in the worker once the transaction commits (after a page is
    unpublished, deleted, moved or restricted); once per transaction however many pages."""
    from .tasks import rebuild_site_vocabulary

    connection = transaction.get_connection()
    if connection.in_atomic_block and _rebuild_scheduled(connection, site_id):
        return

    def enqueue():
        rebuild_site_vocabulary.enqueue(site_id)

    enqueue.vocabulary_site_id = site_id
    transaction.on_commit(enqueue)
