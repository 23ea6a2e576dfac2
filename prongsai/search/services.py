"""State changes of the search app: document text extraction and query counting."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.index import insert_or_update_object

from . import thai
from .extraction import UnsupportedFile, extract_text
from .models import DocumentText, SearchQueryStat

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
    return record


def normalized_query(query: str) -> str:
    """The form a query is counted under: repaired, single-spaced, lower case, cut."""
    return " ".join(thai.normalize(query).split())[:MAX_QUERY_LENGTH]


def record_search(query: str, *, found: bool) -> None:
    """Count one search for the day: aggregate only, never who searched or from where."""
    text = normalized_query(query)
    if not text:
        return
    day = timezone.localdate()
    missing = 0 if found else 1
    with transaction.atomic():
        stat, created = SearchQueryStat.objects.get_or_create(
            day=day, query=text, defaults={"searches": 1, "searches_without_results": missing}
        )
        if not created:
            SearchQueryStat.objects.filter(pk=stat.pk).update(
                searches=F("searches") + 1,
                searches_without_results=F("searches_without_results") + missing,
            )
