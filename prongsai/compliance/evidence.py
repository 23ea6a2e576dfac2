"""The site's content, loaded once in bulk, and the matching of catalogue rules against it.

A completeness check reads every live page of the site and every document a fixed number of
times (one query per page model that carries dates or a kind), whatever the number of items, so a
10,000-page site is checked in well under two seconds (bench/completeness.py).
"""

import bisect
import dataclasses
import datetime as dt
import os
from collections import defaultdict
from functools import cache
from urllib.parse import quote

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from prongsai.sitepages.models.base import CategoryIndexPage

from .rules import PAGE_ATTRIBUTE_KEYS


@dataclasses.dataclass
class Evidence:
    """A page, document or fixed path that may prove an item."""

    kind: str  # "page" | "document" | "path"
    pk: int | None
    title: str
    url: str  # site-relative
    start: dt.date | None = None
    end: dt.date | None = None
    problem: str = ""  # why it is not accepted (unpublished, expired …); empty when accepted
    linked: bool = False  # named by a webmaster (EvidenceLink) rather than found by a rule
    note: str = ""
    folded: str = ""  # casefolded title, computed once for keyword rules

    def __post_init__(self):
        if not self.folded:
            self.folded = self.title.casefold()

    @property
    def accepted(self) -> bool:
        return not self.problem

    @property
    def key(self) -> tuple[str, int | str]:
        return (self.kind, self.pk if self.pk is not None else self.url)


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(value) if value else None


@cache
def page_models_by_label() -> dict[str, type]:
    return {
        model._meta.label: model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page
    }


@cache
def _dated_page_models() -> list[type]:
    """Concrete page models carrying PublicationMetadata dates (or a kind used by rules)."""
    attribute_models = {label for label, _field in PAGE_ATTRIBUTE_KEYS.values()}
    return [
        model
        for label, model in page_models_by_label().items()
        if not model._meta.abstract
        and (label in attribute_models or _has_field(model, "info_period_start"))
    ]


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist
        return False
    return True


def category_models(category: str) -> list[type]:
    """Content pages of a category; the category's index page alone proves nothing."""
    return [
        model
        for model in page_models_by_label().values()
        if getattr(model, "category_code", "") == category
        and not issubclass(model, CategoryIndexPage)
    ]


class SiteContent:
    """Every live, public page of a site and the site's documents (``site_documents``), with
    what rules need to know."""

    def __init__(self, site, *, now: dt.datetime | None = None):
        self.site = site
        self.now = now or timezone.now()
        self.root = site.root_page
        self.root_url_path = self.root.url_path
        self._content_types: dict[type, int] = {}
        self._load_pages()
        self._load_documents()
        # Rules see expired and not-yet-published content too, so the dashboard can say why it
        # does not count; only accepted evidence is ever linked.
        self._any_page = {**self.pages, **self.expired_pages}
        self._any_document = {**self.documents, **self.unavailable_documents}
        self._keyword_memo: dict[tuple[str, str], set[int]] = {}
        self._title_text: dict[str, tuple[str, list[int], list[int]]] = {}

    # -- loading --

    def _restricted_paths(self) -> list[str]:
        return list(
            PageViewRestriction.objects.filter(page__path__startswith=self.root.path).values_list(
                "page__path", flat=True
            )
        )

    def _load_pages(self) -> None:
        restricted = self._restricted_paths()
        self.pages: dict[int, Evidence] = {}
        self.pages_by_type: dict[int, list[int]] = defaultdict(list)
        self.expired_pages: dict[int, Evidence] = {}
        rows = Page.objects.filter(path__startswith=self.root.path, live=True).values_list(
            "pk", "content_type_id", "title", "url_path", "path", "last_published_at", "expire_at"
        )
        undated: dict[int, dt.datetime] = {}
        for pk, ct_id, title, url_path, path, last_published, expire_at in rows:
            if restricted and any(path.startswith(prefix) for prefix in restricted):
                continue
            evidence = Evidence("page", pk, title, self.page_url(url_path))
            undated[pk] = last_published
            if expire_at and expire_at <= self.now:
                evidence.problem = expired_reason(expire_at)
                self.expired_pages[pk] = evidence
            else:
                self.pages[pk] = evidence
            self.pages_by_type[ct_id].append(pk)
        # Dates the agency gave (the period the information covers) and the kinds rules use.
        self.attributes: dict[str, dict[str, list[int]]] = {
            k: defaultdict(list) for k in PAGE_ATTRIBUTE_KEYS
        }
        attribute_by_label = {
            label: (key, field) for key, (label, field) in PAGE_ATTRIBUTE_KEYS.items()
        }
        for model in _dated_page_models():
            fields = ["pk"]
            dated = _has_field(model, "info_period_start")
            if dated:
                fields += ["info_period_start", "info_period_end"]
            key_field = attribute_by_label.get(model._meta.label)
            # A page may need more than its kind to count for it (an OIA item page counts
            # only with the fields the Act asks filled in: sitepages/oia_blocks.py).
            problems_of = getattr(model, "attribute_problems", None)
            extra = list(getattr(model, "attribute_problem_fields", ())) if problems_of else []
            if key_field:
                fields += [key_field[1], *extra]
            queryset = model.objects.filter(path__startswith=self.root.path, live=True)
            for row in queryset.values_list(*fields):
                evidence = self.pages.get(row[0]) or self.expired_pages.get(row[0])
                if evidence is None:
                    continue
                if dated:
                    evidence.start = row[1]
                    evidence.end = row[2] or row[1]
                    undated.pop(row[0], None)
                if key_field:
                    value = row[len(row) - 1 - len(extra)]
                    problems = problems_of(value, *row[len(row) - len(extra) :]) if extra else []
                    if problems and not evidence.problem:
                        # Shown on the dashboard as why it does not count, never linked.
                        evidence.problem = INCOMPLETE_PROBLEM + "; ".join(problems[:2])
                        self.expired_pages[row[0]] = self.pages.pop(row[0])
                    self.attributes[key_field[0]][value].append(row[0])
        # Pages without R12 metadata (contact, policies) are dated by their last publication.
        for pk, last_published in undated.items():
            evidence = self.pages.get(pk) or self.expired_pages.get(pk)
            evidence.start = evidence.end = _local_date(last_published)
        self._refuse_published_around_the_process()

    def _refuse_published_around_the_process(self) -> None:
        # A page whose latest publication came neither through a publish request nor under the
        # agency's direct-publication policy has no approval behind it (publishing/direct.py).
        from prongsai.publishing.direct import latest_direct
        from prongsai.publishing.models import DirectPublication

        direct_ids = set(DirectPublication.objects.values_list("page_id", flat=True))
        for pk, record in latest_direct(direct_ids & set(self._all_page_ids())).items():
            if record.allowed:
                continue
            evidence = self.pages.pop(pk, None)
            if evidence is None:
                continue
            evidence.problem = NOT_APPROVED_PROBLEM
            self.expired_pages[pk] = evidence

    def _all_page_ids(self):
        return [*self.pages, *self.expired_pages]

    def _load_documents(self) -> None:
        Document = get_document_model()
        self.documents: dict[int, Evidence] = {}
        self.unavailable_documents: dict[int, Evidence] = {}
        self.documents_by_tag: dict[str, list[int]] = defaultdict(list)
        self.document_extension: dict[int, str] = {}
        rows = site_documents(self.site, Document.objects.all()).values_list(
            "pk",
            "title",
            "file",
            "info_period_start",
            "info_period_end",
            "publish_from",
            "publish_until",
        )
        # One reverse() for all documents: the serve URL differs only in its id and file name.
        pattern = document_url(987654321, "FILENAME")
        for pk, title, file, start, end, publish_from, publish_until in rows:
            filename = os.path.basename(file or "")
            url = pattern.replace("987654321", str(pk), 1).replace("FILENAME", quote(filename), 1)
            evidence = Evidence("document", pk, title, url, start, end or start)
            self.document_extension[pk] = os.path.splitext(filename)[1].lstrip(".").lower()
            problem = document_problem(publish_from, publish_until, self.now)
            if problem:
                evidence.problem = problem
                self.unavailable_documents[pk] = evidence
            else:
                self.documents[pk] = evidence
        through = Document.tags.through
        if _has_field(through, "content_type"):  # taggit's generic TaggedItem
            tagged = through.objects.filter(
                content_type=ContentType.objects.get_for_model(Document)
            )
            pairs = tagged.values_list("object_id", "tag__name")
        else:
            pairs = through.objects.values_list("content_object_id", "tag__name")
        for object_id, name in pairs:
            if int(object_id) in self.document_extension:  # this site's documents only
                self.documents_by_tag[name.casefold()].append(int(object_id))

    def _content_type_id(self, model) -> int:
        # Looked up per check, not cached globally: ids differ between databases.
        if model not in self._content_types:
            self._content_types[model] = ContentType.objects.get_for_model(model).pk
        return self._content_types[model]

    # -- urls --

    def page_url(self, url_path: str) -> str:
        return (
            "/" + url_path[len(self.root_url_path) :]
            if url_path.startswith(self.root_url_path)
            else url_path
        )

    # -- matching --

    def match(self, rule: dict[str, list[str]]) -> list[Evidence]:
        """Accepted pages and documents the rule finds (any date); newest first."""
        found = [*self._match_pages(rule), *self._match_documents(rule)]
        found += [Evidence("path", None, path, path) for path in rule.get("paths", [])]
        return found

    def _match_pages(self, rule) -> list[Evidence]:
        keywords = [word.casefold() for word in rule.get("keywords", [])]
        has_source = any(key in rule for key in ("page_types", "categories", *PAGE_ATTRIBUTE_KEYS))
        if not has_source and not keywords:
            return []
        if has_source:
            ids: set[int] = set()
            for label in rule.get("page_types", []):
                model = page_models_by_label().get(label)
                if model:
                    ids.update(self.pages_by_type.get(self._content_type_id(model), ()))
            for category in rule.get("categories", []):
                for model in category_models(category):
                    ids.update(self.pages_by_type.get(self._content_type_id(model), ()))
            for key in PAGE_ATTRIBUTE_KEYS:
                for value in rule.get(key, []):
                    ids.update(self.attributes[key].get(value, ()))
            pages = [self._any_page[pk] for pk in ids if pk in self._any_page]
        else:
            pages = list(self._any_page.values())
        if keywords:
            hits = self._keyword_hits("page", keywords)
            pages = [page for page in pages if page.pk in hits]
        return pages

    def _keyword_hits(self, kind: str, keywords: list[str]) -> set[int]:
        """Ids of pages (or documents) whose casefolded title contains any of ``keywords``.

        Every title of the kind is joined into one text and each keyword is searched in it once
        per check (remembered for the next rule): testing every title against every keyword
        rule was most of the check's time at 10,000 pages.
        """
        hits: set[int] = set()
        for word in keywords:
            key = (kind, word)
            if key not in self._keyword_memo:
                self._keyword_memo[key] = self._titles_containing(kind, word)
            hits |= self._keyword_memo[key]
        return hits

    def _titles_containing(self, kind: str, word: str) -> set[int]:
        if kind not in self._title_text:
            items = list((self._any_page if kind == "page" else self._any_document).values())
            starts, offset = [], 0
            for item in items:
                starts.append(offset)
                offset += len(item.folded) + 1
            text = "\0".join(item.folded for item in items)
            self._title_text[kind] = (text, starts, [item.pk for item in items])
        text, starts, pks = self._title_text[kind]
        if not word:
            return set(pks)
        found, position = set(), text.find(word)
        while position >= 0:
            index = bisect.bisect_right(starts, position) - 1
            found.add(pks[index])
            # Go on from the next title: one hit per title is enough.
            following = starts[index + 1] if index + 1 < len(starts) else len(text)
            position = text.find(word, following)
        return found

    def _match_documents(self, rule) -> list[Evidence]:
        keywords = [word.casefold() for word in rule.get("keywords", [])]
        kinds = {kind.lower().lstrip(".") for kind in rule.get("document_kinds", [])}
        tags = [tag.casefold() for tag in rule.get("tags", [])]
        if tags:
            ids = {pk for tag in tags for pk in self.documents_by_tag.get(tag, ())}
            documents = [self._any_document[pk] for pk in ids if pk in self._any_document]
        elif keywords or kinds:
            documents = list(self._any_document.values())
        else:
            return []
        if keywords and not tags:
            hits = self._keyword_hits("document", keywords)
            documents = [d for d in documents if d.pk in hits]
        if kinds:
            documents = [d for d in documents if self.document_extension.get(d.pk) in kinds]
        return documents


def _chosen_collections() -> dict[int, str]:
    """Site id -> tree path of the document collection its agency settings name."""
    from prongsai.core.models import AgencySettings

    return dict(
        AgencySettings.objects.filter(document_collection__isnull=False).values_list(
            "site_id", "document_collection__path"
        )
    )


def site_documents(site, queryset):
    """The documents of ``queryset`` that belong to ``site``: those of the collection its
    agency settings name (and the collections below it), or, for a site without one, every
    document outside the collections other sites named (ADR 0292)."""
    chosen = _chosen_collections()
    own = chosen.get(site.pk)
    if own:
        return queryset.filter(collection__path__startswith=own)
    for path in chosen.values():
        queryset = queryset.exclude(collection__path__startswith=path)
    return queryset


def sites_of_document(document) -> list[int] | None:
    """The ids of the sites ``document`` belongs to; None when it belongs to every site."""
    from wagtail.models import Site

    chosen = _chosen_collections()
    if not chosen:
        return None
    path = document.collection.path if document.collection_id else ""
    owners = [pk for pk, prefix in chosen.items() if path.startswith(prefix)]
    if owners:
        return owners
    return [pk for pk in Site.objects.values_list("pk", flat=True) if pk not in chosen]


INCOMPLETE_PROBLEM = "ยังกรอกข้อมูลไม่ครบตามที่พระราชบัญญัติข้อมูลข่าวสารฯ กำหนด: "


NOT_APPROVED_PROBLEM = "เผยแพร่โดยไม่มีคำขอและนโยบายของหน่วยงานไม่ได้ยกเว้น จึงไม่มีการอนุมัติรองรับ"


def document_url(pk: int, filename: str) -> str:
    return reverse("wagtaildocs_serve", args=(pk, filename))


def expired_reason(expire_at: dt.datetime) -> str:
    from prongsai.core.thaidate import thai_date

    return f"หมดอายุการเผยแพร่เมื่อ {thai_date(expire_at)}"


def document_problem(publish_from, publish_until, now) -> str:
    from prongsai.core.thaidate import thai_date

    if publish_from and publish_from > now:
        return f"ยังไม่เผยแพร่ (เริ่มเผยแพร่ {thai_date(publish_from)})"
    if publish_until and publish_until <= now:
        return expired_reason(publish_until)
    return ""


def linked_evidence(links, content: SiteContent) -> dict[int, list[Evidence]]:
    """Evidence the webmasters named, by item id; unpublished or expired targets carry why."""
    by_item: dict[int, list[Evidence]] = defaultdict(list)
    page_ids = {link.page_id for link in links if link.page_id}
    other_pages = {
        row["pk"]: row
        for row in Page.objects.filter(pk__in=page_ids - set(content.pages)).values(
            "pk", "title", "url_path", "path", "live", "expired", "expire_at"
        )
    }
    for link in links:
        if link.page_id:
            evidence = content.pages.get(link.page_id) or content.expired_pages.get(link.page_id)
            if evidence is None:
                row = other_pages.get(link.page_id)
                if row is None:
                    continue
                evidence = Evidence(
                    "page", row["pk"], row["title"], content.page_url(row["url_path"])
                )
                if not row["path"].startswith(content.root.path):
                    evidence.problem = "หน้านี้ไม่อยู่ในเว็บไซต์ของหน่วยงาน"
                elif not row["live"] and row["expired"] and row["expire_at"]:
                    # Wagtail unpublished it at its expiry date: outdated, not "never published".
                    evidence.problem = expired_reason(row["expire_at"])
                elif not row["live"]:
                    evidence.problem = "หน้านี้ยังไม่เผยแพร่หรือถูกถอนการเผยแพร่"
                else:
                    evidence.problem = "หน้านี้จำกัดสิทธิ์การเข้าชม ผู้ประเมินเปิดไม่ได้"
        else:
            evidence = content.documents.get(link.document_id) or content.unavailable_documents.get(
                link.document_id
            )
            if evidence is None:
                continue
        evidence = dataclasses.replace(evidence, linked=True, note=link.note)
        by_item[link.item_id].append(evidence)
    return by_item
