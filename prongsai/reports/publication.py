"""Put an approved report on the public site: its PDF as a document, on a page of its own.

The page is the first article-type page the chosen parent accepts (a knowledge-base page by
default), filled with the report's metadata (R12), so the public site, search and the compliance
check treat it like any other published item.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.models import AgencySettings
from prongsai.core.text import thai_slugify
from prongsai.publishing.direct import through_approved_record
from prongsai.sitepages.models import AgencyDocument
from prongsai.sitepages.models.base import ArticleContentPage
from prongsai.sitepages.models.knowledge import KnowledgeKind

from .exports import render_report_pdf

# Fields some article pages require that a report can answer for itself.
_EXTRA_FIELDS = {
    "knowledge_kind": lambda report, agency: KnowledgeKind.STATISTICS,
    "reference": lambda report, agency: f"{agency} รายงานผลการดำเนินงาน{report.label}",
    "reference_date": lambda report, agency: report.period_end,
}


def page_model_for(parent):
    for model in parent.specific_class.allowed_subpage_models():
        if issubclass(model, ArticleContentPage):
            return model
    return None


def build_document(report, owner_unit, agency: str) -> AgencyDocument:
    document = AgencyDocument(
        title=f"รายงานผลการดำเนินงาน{report.label}",
        owner_unit=owner_unit,
        source=agency,
        info_period_start=report.period_start,
        info_period_end=report.period_end,
        published_date=timezone.localdate(),
        description=report.period.range_label,
    )
    name = f"report-{report.period_start:%Y%m}-{report.period_end:%Y%m}.pdf"
    document.file.save(name, ContentFile(render_report_pdf(report)), save=False)
    document.full_clean(exclude=["file"])
    document.save()
    return document


def publish_page(report, *, parent, owner_unit, user):
    """Create and publish the report's page under ``parent``; returns (page, document)."""
    model = page_model_for(parent)
    if model is None:
        raise ValidationError(
            _("หน้าหลักที่ตั้งไว้ไม่รับหน้าบทความ กรุณาเลือกหน้าคลังความรู้หรือหมวดที่มีหน้าย่อยเป็นบทความ")
        )
    agency = AgencySettings.for_site(report.site).name_th
    document = build_document(report, owner_unit, agency)
    title = f"รายงานผลการดำเนินงาน{report.label}"
    page = model(
        title=title,
        slug=thai_slugify(title, max_length=60) or f"report-{report.pk}",
        introduction=f"{agency} {report.period.range_label}",
        owner_unit=owner_unit,
        source=agency,
        info_period_start=report.period_start,
        info_period_end=report.period_end,
        published_date=timezone.localdate(),
        attachments=[{"type": "document", "value": document.pk}],
        owner=user,
    )
    for name, value in _EXTRA_FIELDS.items():
        if hasattr(page, name):
            setattr(page, name, value(report, agency))
    parent.add_child(instance=page)
    # services.publish_report has checked the permission and the report is approved by its
    # supervisor: that approval is this page's record, not a publication around the process.
    with through_approved_record(f"report:{report.pk}"):
        page.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page, document
