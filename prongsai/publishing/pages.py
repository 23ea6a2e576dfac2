"""Turning an approved request into a live Wagtail page in its category."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from prongsai.core.text import thai_slugify
from prongsai.sitepages import models as site

# Categories whose items need nothing beyond the request's own fields. Other categories
# (laws, manuals, OIA items…) have fields only a publisher can fill: the publisher prepares the
# page in Wagtail and chooses it as the request's target page.
AUTO_PAGE_TYPES = {
    "news": (site.NewsIndexPage, site.NewsPage),
    "agency": (site.AgencyIndexPage, site.AgencyInfoPage),
    "eservices": (site.EServiceIndexPage, site.EServicePage),
}


def _documents_for(publish_request) -> list:
    documents = []
    for attachment in publish_request.attachments.all():
        attachment.file.open("rb")
        try:
            content = attachment.file.read()
        finally:
            attachment.file.close()
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


def _body(publish_request) -> list:
    paragraphs = [p for p in (publish_request.content or publish_request.summary).splitlines() if p]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return [{"type": "paragraph", "value": html}] if html else []


def create_page(publish_request, user):
    if publish_request.category not in AUTO_PAGE_TYPES:
        raise ValidationError(
            _("หมวด %(category)s ต้องเตรียมหน้าเว็บใน Wagtail ก่อน แล้วเลือกเป็นหน้าเป้าหมาย")
            % {"category": publish_request.get_category_display()}
        )
    index_model, page_model = AUTO_PAGE_TYPES[publish_request.category]
    index = index_model.objects.live().first()
    if index is None:
        raise ValidationError(
            _("ยังไม่มีหน้าหมวด %(category)s บนเว็บไซต์")
            % {"category": publish_request.get_category_display()}
        )
    documents = _documents_for(publish_request)
    # Readable Thai address (vowel and tone marks kept); the request number keeps it unique.
    slug = thai_slugify(publish_request.title, max_length=60) or "item"
    page = page_model(
        title=publish_request.title,
        slug=f"{slug}-{publish_request.pk}",
        introduction=publish_request.summary,
        owner_unit=publish_request.unit,
        source=publish_request.source,
        info_period_start=publish_request.info_period_start,
        info_period_end=publish_request.info_period_end,
        published_date=timezone.localdate(),
        body=_body(publish_request),
        attachments=[{"type": "document", "value": doc.pk} for doc in documents],
        owner=user,
    )
    if publish_request.publish_until:
        page.expire_at = timezone.make_aware(
            dt.datetime.combine(publish_request.publish_until, dt.time(23, 59))
        )
    index.add_child(instance=page)
    return page


def publish_page(publish_request, user, target_page=None):
    """Publish the chosen page (its latest revision) or create one in the category."""
    if target_page is not None:
        page = target_page.specific
        revision = page.latest_revision or page.save_revision(user=user)
    else:
        page = create_page(publish_request, user)
        revision = page.save_revision(user=user)
    # services.py has already checked the publisher's role and the approval; the publisher
    # group need not hold Wagtail's page-publish permission on the whole tree.
    revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page
