"""The Thai search test corpus: load it into a site and measure recall@10, MRR and nDCG@10
(ADR 0064, 0222).

items.yaml holds realistic content of a local agency (procurement notices, citizen service
manuals, laws, news, plans, operations manuals and downloadable documents whose words are only
inside the file); queries.yaml holds Thai queries and the items each must find.
agency_items.yaml / agency_queries.yaml (written by bench/make_search_corpus.py) add about 420
pages and 250 queries with graded relevance (2 = the page sought, 1 = also answers).
"""

import contextlib
import dataclasses
import datetime as dt
import io
import math
from collections.abc import Callable
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.utils import timezone

CORPUS_DIR = Path(__file__).resolve().parent

SearchFunction = Callable[[str], list[tuple[str, int]]]


SETS = {
    "base": ("items.yaml", "queries.yaml"),
    "agency": ("agency_items.yaml", "agency_queries.yaml"),
}


def _read(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS_DIR / name).read_text(encoding="utf-8"))


def items(sets=tuple(SETS)) -> list[dict]:
    return [item for name in sets for item in _read(SETS[name][0])]


def queries(sets=tuple(SETS)) -> list[dict]:
    """Queries with ``expected`` as item id → grade (a plain list means grade 2 for each)."""
    cases = []
    for name in sets:
        for case in _read(SETS[name][1]):
            expected = case["expected"]
            if isinstance(expected, list):
                expected = dict.fromkeys(expected, 2)
            cases.append({**case, "expected": expected, "set": name})
    return cases


# --- files for documents -------------------------------------------------------------------


def pdf_bytes(title: str, text: str) -> bytes:
    """A real Thai PDF: WeasyPrint with the bundled Sarabun, as agencies publish them."""
    from weasyprint import HTML

    from prongsai.core.pdf import font_face_css

    html = (
        f"<html lang='th'><style>{font_face_css()} body{{font-family:Sarabun}}</style>"
        f"<h1>{title}</h1><p>{text}</p></html>"
    )
    return HTML(string=html).write_pdf()


def image_only_pdf_bytes() -> bytes:
    """A PDF with no text layer, like a scanned notice."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(title: str, text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, 1)
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(title: str, text: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "ข้อมูล"
    book.active.append([title])
    for number, phrase in enumerate(text.split(" "), start=1):
        book.active.append([number, phrase])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_files(documents: list[dict]) -> dict[str, bytes]:
    """One real Thai PDF per document, rendered in a single WeasyPrint run (a page each) and
    split with pypdf: WeasyPrint's start-up cost is paid once instead of once per file."""
    if not documents:
        return {}
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    from prongsai.core.pdf import font_face_css

    pages = "".join(
        f"<section style='page-break-after:always'><h1>{d['title']}</h1><p>{d['text']}</p></section>"
        for d in documents
    )
    html = f"<html lang='th'><style>{font_face_css()} body{{font-family:Sarabun}}</style>{pages}</html>"
    reader = PdfReader(io.BytesIO(HTML(string=html).write_pdf()))
    files = {}
    for document, page in zip(documents, reader.pages, strict=False):
        writer = PdfWriter()
        writer.add_page(page)
        buffer = io.BytesIO()
        writer.write(buffer)
        files[document["id"]] = buffer.getvalue()
    return files


def file_for(item: dict, pdfs: dict[str, bytes] | None = None) -> tuple[str, bytes]:
    fmt, title, text = item["format"], item["title"], item.get("text", "")
    if fmt == "pdf":
        data = (pdfs or {}).get(item["id"]) or pdf_bytes(title, text)
        return f"{item['id']}.pdf", data
    if fmt == "pdf-image":
        return f"{item['id']}.pdf", image_only_pdf_bytes()
    if fmt == "docx":
        return f"{item['id']}.docx", docx_bytes(title, text)
    if fmt == "xlsx":
        return f"{item['id']}.xlsx", xlsx_bytes(title, text)
    return f"{item['id']}.{fmt}", b"\xd0\xcf\x11\xe0 legacy binary"


# --- loading -------------------------------------------------------------------------------

_SECTIONS = {
    "news": ("NewsIndexPage", "NewsPage", "ข่าวประชาสัมพันธ์"),
    "service": ("ServiceManualIndexPage", "ServiceManualPage", "คู่มือสำหรับประชาชน"),
    "law": ("LawIndexPage", "LawPage", "กฎหมาย ระเบียบ ข้อบังคับ"),
    "knowledge": ("KnowledgeIndexPage", "KnowledgePage", "คลังความรู้"),
    "operations": ("OperationsManualIndexPage", "OperationsManualPage", "คู่มือการปฏิบัติงาน"),
}


def _page_fields(item: dict) -> dict:
    fields = {}
    if item["type"] == "news":
        fields["news_kind"] = item.get("kind", "general")
    elif item["type"] == "law":
        fields["law_kind"] = item.get("law_kind", "act")
    elif item["type"] == "knowledge":
        fields.update(knowledge_kind="statistics", reference="หน่วยงานตัวอย่าง")
        fields["reference_date"] = dt.date.fromisoformat(str(item["published"]))
    return fields


def load(
    home, unit, *, limit: int | None = None, sets=tuple(SETS), every: int = 1
) -> dict[str, tuple[str, int]]:
    """Create the corpus under ``home`` (``every``-th item of the first ``limit``); returns item
    id → ("page" | "document", pk)."""
    from ..indexing import reindex_all

    now = timezone.now()
    sections = {}
    loaded: dict[str, tuple[str, int]] = {}
    selected = items(sets)[:limit][::every]
    pdfs = pdf_files([i for i in selected if i["type"] == "document" and i["format"] == "pdf"])
    with indexing_paused():
        for item in selected:
            _load_item(item, home, unit, now, sections, pdfs, loaded)
    reindex_all()
    return loaded


@contextlib.contextmanager
def indexing_paused():
    """Skip Wagtail's index-on-save while bulk loading; the caller re-indexes in batches after."""
    from django.db.models.signals import post_save
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _load_item(item, home, unit, now, sections, pdfs, loaded) -> None:
    from prongsai.sitepages import models as m

    from ..models import DocumentText
    from ..services import extract_and_index

    published = dt.date.fromisoformat(str(item["published"]))
    metadata = {
        "owner_unit": unit,
        "source": "กองคลัง หน่วยงานตัวอย่าง",
        "info_period_start": published,
        "published_date": published,
    }
    if item["type"] == "document":
        name, data = file_for(item, pdfs)
        document = m.AgencyDocument(title=item["title"], file=ContentFile(data, name=name))
        for key, value in metadata.items():
            setattr(document, key, value)
        document.save()
        status = DocumentText.objects.filter(document=document).values_list("status", flat=True)
        if status.first() in (None, DocumentText.Status.PENDING):
            extract_and_index(document)
        loaded[item["id"]] = ("document", document.pk)
        return
    index_name, page_name, index_title = _SECTIONS[item["type"]]
    if index_name not in sections:
        index_page = getattr(m, index_name)(
            title=index_title, slug=f"corpus-{item['type']}", live=True, first_published_at=now
        )
        home.add_child(instance=index_page)
        sections[index_name] = index_page
    body = [{"type": "paragraph", "value": f"<p>{item['body']}</p>"}] if item["body"] else []
    page = getattr(m, page_name)(
        title=item["title"],
        slug=item["id"],
        introduction=item.get("introduction", ""),
        body=body,
        live=True,
        first_published_at=now,
        **metadata,
        **_page_fields(item),
    )
    sections[index_name].add_child(instance=page)
    loaded[item["id"]] = ("page", page.pk)


# --- measuring -----------------------------------------------------------------------------


@dataclasses.dataclass
class Evaluation:
    recall_at_10: float
    mrr: float
    ndcg_at_10: float
    queries: int
    misses: list[tuple[str, list[str]]]  # query and the expected items not in the top 10
    late: list[tuple[str, int | None]]  # query and the rank of its first relevant item (> 1)

    def line(self, name: str) -> str:
        return (
            f"{name:<40} recall@10 = {self.recall_at_10:.3f}   MRR = {self.mrr:.3f}   "
            f"nDCG@10 = {self.ndcg_at_10:.3f}   ({self.queries} queries)"
        )


def _dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def evaluate(
    loaded: dict[str, tuple[str, int]], search: SearchFunction, cases: list[dict] | None = None
) -> Evaluation:
    """recall@10 (all graded items), MRR (first graded item) and nDCG@10 (gain 2^grade − 1).

    A query is judged against the items of its own set: the base set's labels were made
    before the agency pages existed, which are often relevant to its queries too.
    """
    members: dict[str, set] = {}
    for name in SETS:
        members[name] = {loaded[i["id"]] for i in items([name]) if i["id"] in loaded}
    recall_sum = reciprocal_sum = ndcg_sum = 0.0
    misses, late = [], []
    cases = [
        case
        for case in (queries() if cases is None else cases)
        if all(e in loaded for e in case["expected"])
    ]
    for case in cases:
        grades = {loaded[item_id]: grade for item_id, grade in case["expected"].items()}
        names = {loaded[item_id]: item_id for item_id in case["expected"]}
        ranked = [key for key in search(case["query"]) if key in members[case.get("set", "base")]]
        top = ranked[:10]
        found = [key for key in grades if key in top]
        recall_sum += len(found) / len(grades)
        rank = next((i for i, key in enumerate(ranked, start=1) if key in grades), None)
        reciprocal_sum += 1 / rank if rank else 0.0
        ideal = _dcg(sorted(grades.values(), reverse=True)[:10])
        ndcg_sum += _dcg([grades.get(key, 0) for key in top]) / ideal if ideal else 0.0
        if len(found) < len(grades):
            misses.append((case["query"], [names[k] for k in grades if k not in top]))
        if rank != 1:
            late.append((case["query"], rank))
    count = len(cases) or 1
    return Evaluation(
        recall_sum / count, reciprocal_sum / count, ndcg_sum / count, len(cases), misses, late
    )


def prongsai_search(query: str) -> list[tuple[str, int]]:
    from ..selectors import candidates

    return [(c.kind, c.pk) for c in candidates(query)]


def wagtail_default_search(backend) -> SearchFunction:
    """Search as a stock Wagtail site does: ``backend.search`` on live pages and on documents."""
    from wagtail.models import Page

    from prongsai.sitepages.models import AgencyDocument

    from ..selectors import _relevance

    def search(query: str) -> list[tuple[str, int]]:
        scored = []
        for kind, queryset in (("page", Page.objects.live()), ("document", AgencyDocument.objects)):
            results = backend.search(query, queryset.all()).annotate_score("_score")
            scored += [(_relevance(obj._score), kind, obj.pk) for obj in results[:200]]
        scored.sort(key=lambda row: row[0], reverse=True)
        return [(kind, pk) for _score, kind, pk in scored]

    return search


def compare(loaded, cases: list[dict] | None = None) -> tuple[Evaluation, Evaluation, dict]:
    """Prongsai's search, then Wagtail's default database search after re-indexing with it.

    Both use the same index table, so the stock backend re-indexes the corpus before its run
    and Prongsai's index is rebuilt afterwards.
    """
    from modelsearch.backends.database import SearchBackend as stock_backend

    from ..indexing import reindex_all

    ours = evaluate(loaded, prongsai_search, cases)
    stock = stock_backend({})
    reindex_all(stock)
    theirs = evaluate(loaded, wagtail_default_search(stock), cases)
    throughput = reindex_all()
    return ours, theirs, throughput
