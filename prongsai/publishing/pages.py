"""The Wagtail page a request carries: a draft made at submission, published after approval.

Every target category maps to its section (index page type) and the content page type that
section holds (``SECTION_PAGES``). A new request creates a draft page there at once, so the
approval runs on a real page in Wagtail's workflow (reviewers can preview it) and the
publisher or approver may refine it in Wagtail's editor. Drafts are saved with Wagtail's draft
rules (title and slug only); the full page validation runs when it is published, and what a
category needs that the request lacks is reported in Thai.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from prongsai.core.text import thai_slugify
from prongsai.sitepages import models as site
from prongsai.sitepages.models.links import LinkKind

from .direct import through_request


@dataclass(frozen=True)
class SectionPages:
    index_model: type
    page_model: type
    #: Request fields copied onto the page (same names on both).
    extra_fields: tuple[str, ...] = ()
    #: Of those, the ones the page needs before it can be published.
    required_fields: tuple[str, ...] = ()
    #: A one-page section (statistics, CIO): the request revises that page instead.
    single: bool = False
    #: What the publisher must add in Wagtail's editor that no form field here can carry.
    editor_fields: tuple[str, ...] = field(default=())


SECTION_PAGES: dict[str, SectionPages] = {
    "agency": SectionPages(site.AgencyIndexPage, site.AgencyInfoPage),
    "laws": SectionPages(
        site.LawIndexPage,
        site.LawPage,
        extra_fields=("law_kind", "effective_date", "source_url"),
        required_fields=("law_kind",),
    ),
    "knowledge": SectionPages(
        site.KnowledgeIndexPage,
        site.KnowledgePage,
        extra_fields=("knowledge_kind", "reference", "reference_date"),
        required_fields=("knowledge_kind", "reference", "reference_date"),
    ),
    "links": SectionPages(site.LinkIndexPage, site.LinkCollectionPage),
    "oia": SectionPages(
        site.OIAIndexPage,
        site.OIAItemPage,
        extra_fields=("oia_item",),
        required_fields=("oia_item",),
    ),
    "operations-manuals": SectionPages(
        site.OperationsManualIndexPage, site.OperationsManualPage, editor_fields=("steps",)
    ),
    "service-manuals": SectionPages(
        site.ServiceManualIndexPage, site.ServiceManualPage, editor_fields=("steps",)
    ),
    "news": SectionPages(site.NewsIndexPage, site.NewsPage),
    "eservices": SectionPages(site.EServiceIndexPage, site.EServicePage),
    "statistics": SectionPages(site.HomePage, site.StatisticsPage, single=True),
    "cio": SectionPages(
        site.HomePage, site.CIOPage, single=True, editor_fields=("cio_name", "cio_position")
    ),
}

URL_IN_LINE = re.compile(r"(https?://\S+)")


def section_for(publish_request) -> SectionPages:
    return SECTION_PAGES[publish_request.category]


def extra_fields_for(category: str) -> tuple[str, ...]:
    section = SECTION_PAGES.get(category)
    return section.extra_fields if section else ()


def _has_field(page, name: str) -> bool:
    try:
        page._meta.get_field(name)
    except Exception:
        return False
    return True


def _body(publish_request) -> list:
    text = publish_request.content or publish_request.summary
    paragraphs = [p for p in text.splitlines() if p.strip()]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return [{"type": "paragraph", "value": html}] if html else []


def _links(publish_request) -> list:
    """Web-link requests: one link per line that holds a URL ("ชื่อลิงก์ https://…")."""
    links = []
    for line in (publish_request.content or "").splitlines():
        match = URL_IN_LINE.search(line)
        if match:
            title = line.replace(match.group(1), "").strip(" -–:\t") or match.group(1)
            links.append(
                site.WebLink(title=title[:255], url=match.group(1), kind=LinkKind.OTHER_SITE)
            )
    return links


def _fill(page, publish_request, *, draft: bool) -> None:
    """Copy the request onto the page (only the fields that page type has)."""
    values = {
        "title": publish_request.title,
        "introduction": publish_request.summary,
        "owner_unit": publish_request.unit,
        "source": publish_request.source,
        "info_period_start": publish_request.info_period_start,
        "info_period_end": publish_request.info_period_end,
        "body": _body(publish_request),
    }
    for name in section_for(publish_request).extra_fields:
        value = getattr(publish_request, name)
        if value not in (None, ""):
            values[name] = value
    if draft and isinstance(page, site.KnowledgePage) and not values.get("reference_date"):
        # The column cannot be empty even in a draft; the publish step insists on a real date.
        values["reference_date"] = publish_request.info_period_start
    for name, value in values.items():
        if _has_field(page, name):
            setattr(page, name, value)
    if isinstance(page, site.LinkCollectionPage):
        links = _links(publish_request)
        if links:
            page.links = links
    if publish_request.publish_until:
        page.expire_at = timezone.make_aware(
            dt.datetime.combine(publish_request.publish_until, dt.time(23, 59))
        )


def _section_index(publish_request):
    section = section_for(publish_request)
    index = section.index_model.objects.live().first()
    if index is None:
        raise ValidationError(
            _("ยังไม่มีหน้าหมวด “%(category)s” บนเว็บไซต์ กรุณาแจ้งผู้ดูแลเว็บไซต์ให้สร้างหน้าหมวดก่อน")
            % {"category": publish_request.get_category_display()}
        )
    return index


def create_draft(publish_request, user):
    """A draft page in the request's category (or a new draft of a one-page section)."""
    section = section_for(publish_request)
    index = _section_index(publish_request)
    if section.single:
        existing = section.page_model.objects.child_of(index).first()
        if existing is not None:
            page = existing.get_latest_revision_as_object()
            _fill(page, publish_request, draft=True)
            page.save_revision(user=user, clean=False)
            return existing
    page = section.page_model(live=False, owner=publish_request.requester)
    _fill(page, publish_request, draft=True)
    # Readable Thai address (vowel and tone marks kept); the request number keeps it unique.
    slug = thai_slugify(publish_request.title, max_length=60) or "item"
    page.slug = f"{slug}-{publish_request.pk}"
    index.add_child(instance=page)
    page.save_revision(user=user, clean=False)
    return page


def update_draft(publish_request, user) -> None:
    """The owner corrected a returned request: the draft follows (a new revision)."""
    if publish_request.target_page_id is None or publish_request.is_revision:
        return
    page = publish_request.target_page.specific.get_latest_revision_as_object()
    _fill(page, publish_request, draft=True)
    page.save_revision(user=user, clean=False)


def _documents_for(publish_request) -> list:
    documents = []
    for attachment in publish_request.attachments.all():
        with attachment.file.open("rb") as handle:
            content = handle.read()
        document = site.AgencyDocument(
            title=attachment.original_name,
            owner_unit=publish_request.unit,
            source=publish_request.source,
            info_period_start=publish_request.info_period_start,
            info_period_end=publish_request.info_period_end,
            published_date=timezone.localdate(),
        )
        document.file.save(attachment.original_name, ContentFile(content), save=False)
        document.save()
        documents.append(document)
    return documents


def missing_for_publication(publish_request) -> list[str]:
    """Thai messages for what the category needs and the request does not give yet."""
    section = section_for(publish_request)
    messages = []
    for name in section.required_fields:
        if getattr(publish_request, name) in (None, ""):
            label = publish_request._meta.get_field(name).verbose_name
            messages.append(
                _("หมวด “%(category)s” ต้องระบุ %(field)s ก่อนเผยแพร่ (กรอกในแบบฟอร์มเผยแพร่ด้านล่าง)")
                % {"category": publish_request.get_category_display(), "field": label}
            )
    return messages


def _editor_field_errors(publish_request, page) -> dict:
    # StreamFields (a manual's steps) are only checked by Wagtail's editor form, not by
    # full_clean(), so an empty one would go live unnoticed.
    section = SECTION_PAGES.get(publish_request.category)
    missing = {}
    for name in section.editor_fields if section else ():
        value = getattr(page, name, None)
        if value is None or (hasattr(value, "__len__") and len(value) == 0):
            missing[name] = [_("ยังไม่ได้กรอก")]
    return missing


def _page_errors(page, error: ValidationError) -> list[str]:
    messages = []
    for name, errors in error.message_dict.items():
        try:
            label = page._meta.get_field(name).verbose_name
        except Exception:
            label = ""
        for message in errors:
            messages.append(
                _("หน้าเว็บยังไม่ครบ: %(field)s %(message)s กรุณาแก้ไขร่างหน้าเว็บใน Wagtail ก่อนเผยแพร่")
                % {"field": label, "message": message}
            )
    return messages


def publish_page(publish_request, user, target_page=None):
    """Publish the request's page: fill in what publication adds, validate fully, go live."""
    chosen = target_page or publish_request.target_page
    if chosen is None:
        chosen = create_draft(publish_request, user)
    page = chosen.specific.get_latest_revision_as_object()
    if not publish_request.is_revision and chosen.pk == publish_request.target_page_id:
        for name in section_for(publish_request).extra_fields:
            value = getattr(publish_request, name)
            if value not in (None, "") and _has_field(page, name):
                setattr(page, name, value)
    if _has_field(page, "published_date") and not publish_request.is_revision:
        page.published_date = timezone.localdate()
    errors = _editor_field_errors(publish_request, page)
    try:
        page.full_clean()
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(_page_errors(page, ValidationError(errors)))
    documents = _documents_for(publish_request)
    if documents and _has_field(page, "attachments"):
        existing = [{"type": "document", "value": block.value.pk} for block in page.attachments]
        page.attachments = [*existing, *[{"type": "document", "value": d.pk} for d in documents]]
    revision = page.save_revision(user=user)
    # services.py has already checked the publisher's role and the approval; the publisher
    # group need not hold Wagtail's page-publish permission on the whole tree.
    with through_request(publish_request):
        revision.publish(user=user, skip_permission_checks=True)
    return chosen.specific_class.objects.get(pk=chosen.pk)
