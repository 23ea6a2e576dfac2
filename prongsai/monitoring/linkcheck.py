"""The link checker of the daily check (R32).

Internal links (page and document references, site-relative URLs) are checked against the
database. External links are fetched by the worker with a timeout per request, a global
concurrency limit, one connection at a time per host with a pause between requests
(politeness), and a host that keeps timing out has its remaining links marked failed without
further waiting, so a dead host can never hang the worker. Every fetch goes through
``prongsai.core.outbound``: a link to an internal address is not fetched and is recorded as
"ไม่ตรวจลิงก์ไปยังที่อยู่ภายใน", apart from broken links (ADR 0250).
"""

import collections
import concurrent.futures
import dataclasses
import functools
import http.client
import json
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import F
from django.db.models.functions import Cast
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from prongsai.core import outbound
from prongsai.sitepages.models import AgencyDocument

from .conf import link_check_concurrency, link_check_host_delay, link_check_timeout
from .models import LinkCheckResult
from .windows import document_in_window

Kind = LinkCheckResult.Kind
USER_AGENT = "Prongsai-LinkChecker/1.0"
MAX_CONSECUTIVE_TIMEOUTS_PER_HOST = 2
MAX_REDIRECTS = 5
MAX_BODY_BYTES = 64 * 1024  # enough to know the page answers; the rest is never read

_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')


# --- extraction -------------------------------------------------------------------------------


def _links_in_rich_text(html: str):
    for tag in _TAG.findall(html or ""):
        attrs = dict(_ATTR.findall(tag))
        linktype = attrs.get("linktype")
        if linktype == "page" and attrs.get("id", "").isdigit():
            yield ("page", int(attrs["id"]))
        elif linktype == "document" and attrs.get("id", "").isdigit():
            yield ("document", int(attrs["id"]))
        elif attrs.get("href"):
            yield ("url", attrs["href"])


def _links_in_block(block, raw):
    blocks, DocumentChooserBlock = _block_classes()  # noqa: N806 (a class)
    if raw in (None, "", []):
        return
    if isinstance(block, blocks.PageChooserBlock):
        yield ("page", raw)
    elif isinstance(block, DocumentChooserBlock):
        yield ("document", raw)
    elif isinstance(block, blocks.RichTextBlock):
        yield from _links_in_rich_text(raw)
    elif isinstance(block, blocks.URLBlock):
        yield ("url", raw)
    elif isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from _links_in_block(child_block, child.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            value = item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            yield from _links_in_block(block.child_block, value)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child_block in block.child_blocks.items():
            yield from _links_in_block(child_block, raw.get(name))


@functools.cache
def _block_classes():
    from wagtail import blocks
    from wagtail.documents.blocks import DocumentChooserBlock

    return blocks, DocumentChooserBlock


@functools.cache
def _stream_markers(field) -> tuple[str, ...]:
    """Texts one of which the JSON of the stream field's value contains if it holds a link: a
    rich text link's attribute, or the quoted name of a chooser or URL block or of a block
    around one."""
    stream_block = field.stream_block
    blocks, DocumentChooserBlock = _block_classes()  # noqa: N806 (a class)
    link_blocks = (blocks.PageChooserBlock, DocumentChooserBlock, blocks.URLBlock)
    names: set[str] = set()

    def holds_link(block, name) -> bool:
        children = []
        if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
            children = list(block.child_blocks.items())
        elif isinstance(block, blocks.ListBlock):
            children = [("item", block.child_block)]
        found = isinstance(block, link_blocks)
        for child_name, child in children:
            found = holds_link(child, child_name) or found
        if found and name:
            names.add(f'"{name}"')
        return found

    holds_link(stream_block, "")
    return ("href", "linktype", *sorted(names))


@functools.cache
def link_fields(model) -> tuple:
    """The fields of ``model`` that can hold a link: stream, rich text and URL fields."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, StreamField | RichTextField | models.URLField)
    )


@functools.cache
def link_relations(model) -> tuple[str, ...]:
    """The child relations (inline panels) whose rows can hold a link; Wagtail's comments
    and other relations without such fields are never read."""
    from modelcluster.models import get_all_child_relations

    return tuple(
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if link_fields(relation.related_model)
    )


def _links_in_object(obj):
    for field in link_fields(type(obj)):
        value = getattr(obj, field.attname, None)
        if isinstance(field, StreamField) and value is not None:
            yield from _links_in_block(field.stream_block, value.raw_data)
        elif isinstance(field, RichTextField):
            yield from _links_in_rich_text(value)
        elif isinstance(field, models.URLField) and value:
            yield ("url", value)


def extract_links(page) -> list[tuple[str, object]]:
    """Every link on a page: ("page", id), ("document", id) or ("url", href)."""
    links = list(_links_in_object(page))
    for accessor in link_relations(type(page)):
        for child in getattr(page, accessor).all():
            links += list(_links_in_object(child))
    return links


def _readable(field):
    # A StreamField is read as its JSON text: Wagtail's converter builds a JSONField for every
    # value it reads, which was most of the check's time at 10,000 pages.
    if isinstance(field, StreamField):
        return Cast(field.attname, output_field=models.TextField())
    return F(field.attname)


def _links_in_values(fields, values):
    for field, value in zip(fields, values, strict=True):
        if value in (None, "", "[]"):
            continue
        if isinstance(field, StreamField):
            # Most values hold no link at all: a substring test spares parsing their JSON.
            if isinstance(value, str) and not any(
                marker in value for marker in _stream_markers(field)
            ):
                continue
            data = json.loads(value) if isinstance(value, str) else value
            yield from _links_in_block(field.stream_block, data)
        elif isinstance(field, RichTextField):
            yield from _links_in_rich_text(value)
        else:
            yield ("url", value)


def _rows_with_links(queryset, key: str, fields, limit=None) -> Iterator[tuple[int, list]]:
    """(``key`` value, links) for each row (the first ``limit`` rows), reading only the fields
    that hold links."""
    names = {f"link_{n}": _readable(field) for n, field in enumerate(fields)}
    rows = queryset.annotate(**names).values_list(key, *names)
    for row in rows[:limit] if limit else rows.iterator(chunk_size=500):
        yield row[0], list(_links_in_values(fields, row[1:]))


def live_pages_with_links(chunk_size: int = 500) -> Iterator[tuple[int, list]]:
    """(page id, links) for every live page that can hold a link: one query per page type and
    chunk of ``chunk_size`` pages, one more per inline relation and chunk, only the fields that
    hold links read, and no model instance built."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    live_types = set(
        Page.objects.live().order_by().values_list("content_type", flat=True).distinct()
    )
    for model in get_page_models():
        content_type = ContentType.objects.get_for_model(model)
        if content_type.pk not in live_types:
            continue
        fields = link_fields(model)
        relations = [
            relation
            for relation in _child_relations(model)
            if relation.get_accessor_name() in link_relations(model)
        ]
        if not fields and not relations:
            continue
        last_pk = 0
        while True:
            chunk = list(
                _rows_with_links(
                    model.objects.live()
                    .filter(content_type=content_type, pk__gt=last_pk)
                    .order_by("pk"),
                    "pk",
                    fields,
                    limit=chunk_size,
                )
            )
            if not chunk:
                break
            last_pk = chunk[-1][0]
            links = dict(chunk)
            for relation in relations:
                parent = relation.field
                rows = relation.related_model.objects.filter(
                    **{f"{parent.name}__in": list(links)}
                ).order_by("pk")
                for page_id, found in _rows_with_links(
                    rows, parent.attname, link_fields(relation.related_model)
                ):
                    links[page_id] += found
            yield from links.items()
            if len(chunk) < chunk_size:
                break  # the last chunk: no query to learn that nothing follows


def _child_relations(model):
    from modelcluster.models import get_all_child_relations

    return get_all_child_relations(model)


# --- internal checks --------------------------------------------------------------------------


class InternalIndex:
    """What exists on the site right now, loaded once per check run."""

    def __init__(self):
        self.live_pages = set(Page.objects.filter(live=True).values_list("pk", flat=True))
        self.site_paths = {}
        self.own_hosts = set()
        for site in Site.objects.select_related("root_page"):
            self.own_hosts.add(site.hostname.lower())
            root_path = site.root_page.url_path
            for pk, url_path in Page.objects.filter(
                live=True, url_path__startswith=root_path
            ).values_list("pk", "url_path"):
                self.site_paths["/" + url_path[len(root_path) :]] = pk
        from prongsai.core.models import AgencySettings

        self.own_hosts |= {
            domain.lower()
            for domain in AgencySettings.objects.values_list("main_domain", flat=True)
        }
        self.own_hosts.discard("")
        self.documents = {doc.pk: doc for doc in AgencyDocument.objects.all()}

    def document_problem(self, document_id) -> str:
        document = self.documents.get(int(document_id))
        if document is None:
            return _("ไม่พบเอกสาร (ถูกลบแล้ว)")
        if not document_in_window(document):
            return _("เอกสารอยู่นอกช่วงเวลาเผยแพร่")
        try:
            if not default_storage.exists(document.file.name):
                return _("ไม่พบไฟล์เอกสารในที่จัดเก็บ")
        except (OSError, ValueError):
            return _("ไม่พบไฟล์เอกสารในที่จัดเก็บ")
        return ""

    def page_problem(self, page_id) -> str:
        return "" if int(page_id) in self.live_pages else _("ไม่พบหน้าปลายทางหรือหน้าไม่ได้เผยแพร่")

    def path_problem(self, path: str) -> tuple[str, str]:
        """Returns (kind, problem) for a site-relative URL."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(path).path or "/")
        if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            path += "/"
        if path in self.site_paths:
            return Kind.INTERNAL, ""
        try:
            match = resolve(path)
        except Resolver404:
            return Kind.INTERNAL, _("ไม่พบหน้า (404)")
        if match.url_name == "wagtaildocs_serve":
            return Kind.DOCUMENT, self.document_problem(match.kwargs["document_id"])
        if match.url_name == "wagtail_serve":
            return Kind.INTERNAL, _("ไม่พบหน้า (404)")
        return Kind.INTERNAL, ""


# --- external checks --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Outcome:
    ok: bool
    status: str
    timed_out: bool = False
    refused: bool = False  # pointed inside our network: not fetched, not "broken" either

    def __iter__(self):  # (ok, status), as callers and reports read it
        return iter((self.ok, self.status))

    def __eq__(self, other):
        if isinstance(other, tuple):
            return (self.ok, self.status) == other
        return NotImplemented

    def __getitem__(self, index):
        return (self.ok, self.status)[index]


def _fetch(url: str, timeout: float) -> Outcome:
    """Fetch through the outbound guard (ADR 0250): public addresses only, every redirect
    hop checked, connection pinned to the checked address, size and time capped."""
    for method in ("HEAD", "GET"):
        try:
            answer = outbound.fetch(
                url,
                method=method,
                headers={"User-Agent": USER_AGENT},
                timeout=timeout,
                total_seconds=2 * timeout,
                max_bytes=MAX_BODY_BYTES,
                max_redirects=MAX_REDIRECTS,
            )
        except outbound.OutboundRefused as refused:
            if refused.reason == "address":
                return Outcome(False, _("ไม่ตรวจลิงก์ไปยังที่อยู่ภายใน"), refused=True)
            return Outcome(False, _("ไม่รองรับรูปแบบที่อยู่นี้"))
        except outbound.TooManyRedirects:
            return Outcome(False, _("เปลี่ยนเส้นทางเกิน %(n)d ครั้ง") % {"n": MAX_REDIRECTS})
        except TimeoutError:
            return Outcome(False, _("หมดเวลารอการตอบกลับ (%(s)s วินาที)") % {"s": int(timeout)}, True)
        except (OSError, ValueError, http.client.HTTPException) as exc:
            return Outcome(False, _("เชื่อมต่อไม่ได้: %(reason)s") % {"reason": exc})
        if answer.status < 400:
            return Outcome(True, str(answer.status))
        if method == "HEAD" and answer.status in (403, 405, 501):
            continue  # some servers refuse HEAD; ask again with GET
        return Outcome(False, f"HTTP {answer.status}")
    return Outcome(False, _("เชื่อมต่อไม่ได้"))


def check_external_urls(
    urls, *, timeout=None, concurrency=None, host_delay=None
) -> dict[str, "Outcome"]:
    """Check each URL once; hosts in parallel (bounded), one request at a time per host."""
    timeout = link_check_timeout() if timeout is None else timeout
    concurrency = link_check_concurrency() if concurrency is None else concurrency
    host_delay = link_check_host_delay() if host_delay is None else host_delay
    by_host = collections.defaultdict(list)
    for url in sorted(set(urls)):
        by_host[urllib.parse.urlsplit(url).netloc.lower()].append(url)
    results: dict[str, Outcome] = {}
    lock = threading.Lock()

    def check_host(host_urls):
        timeouts = 0
        for index, url in enumerate(host_urls):
            if timeouts >= MAX_CONSECUTIVE_TIMEOUTS_PER_HOST:
                outcome = Outcome(False, _("เครื่องปลายทางไม่ตอบสนอง (ข้ามการตรวจซ้ำ)"))
            else:
                if index and host_delay:
                    time.sleep(host_delay)
                outcome = _fetch(url, timeout)
                timeouts = timeouts + 1 if outcome.timed_out else 0
            with lock:
                results[url] = outcome

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        list(pool.map(check_host, by_host.values()))
    return results


# --- the run ----------------------------------------------------------------------------------


def _classify(index: InternalIndex, link) -> tuple[str, str, str | None]:
    """(kind, target label, problem or None when it must be fetched from outside)."""
    what, value = link
    if what == "page":
        return Kind.INTERNAL, f"page:{value}", index.page_problem(value)
    if what == "document":
        return Kind.DOCUMENT, f"document:{value}", index.document_problem(value)
    href = str(value).strip()
    parts = urllib.parse.urlsplit(href)
    if parts.scheme in ("http", "https"):
        if parts.hostname and parts.hostname.lower() in index.own_hosts:
            kind, problem = index.path_problem(parts.path or "/")
            return kind, href, problem
        return Kind.EXTERNAL, href, None
    if href.startswith("/") and not href.startswith("//"):
        kind, problem = index.path_problem(href)
        return kind, href, problem
    return "", href, ""  # mailto:, tel:, anchors: nothing to check


def run_link_check(*, external: bool = True, pages=None, **external_options) -> dict:
    """Check every link on every live page; failures replace the previous failures.

    ``pages``: (page id, links) pairs to check instead of every live page's."""
    index = InternalIndex()
    pages = live_pages_with_links() if pages is None else pages
    found = []  # (page_id, kind, target, problem or None)
    for page_id, links in pages:
        for link in links:
            kind, target, problem = _classify(index, link)
            if kind:
                found.append((page_id, kind, target, problem))
    external_results = {}
    if external:
        external_results = check_external_urls(
            [target for _, kind, target, problem in found if problem is None], **external_options
        )
    now = timezone.now()
    failures = []
    for page_id, kind, target, problem in found:
        refused = False
        if problem is None:
            if not external:
                continue
            outcome = external_results[target]
            problem, refused = ("" if outcome.ok else outcome.status), outcome.refused
        if problem:
            failures.append(
                LinkCheckResult(
                    page_id=page_id,
                    kind=kind,
                    target=target[:2000],
                    ok=False,
                    refused=refused,
                    status=str(problem)[:255],
                    checked_at=now,
                )
            )
    kinds = [Kind.INTERNAL, Kind.DOCUMENT] + ([Kind.EXTERNAL] if external else [])
    with transaction.atomic():
        LinkCheckResult.objects.filter(kind__in=kinds).delete()
        LinkCheckResult.objects.bulk_create(failures, batch_size=500)
    return {
        "links": len(found),
        "external_checked": len(external_results),
        "failures": len(failures),
    }


def broken_links(kinds=None):
    queryset = LinkCheckResult.objects.filter(ok=False, refused=False).select_related("page")
    return queryset.filter(kind__in=kinds) if kinds else queryset


def refused_links():
    """Links not fetched because they point inside our network (ADR 0250)."""
    return LinkCheckResult.objects.filter(refused=True).select_related("page")
