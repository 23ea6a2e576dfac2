"""R3 Knowledge and statistics: every item must cite its reference and carry a date."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import ArticleContentPage, CategoryIndexPage


class KnowledgeIndexPage(CategoryIndexPage):
    category_code = "knowledge"
    subpage_types = ["sitepages.KnowledgePage"]

    class Meta:
        verbose_name = _("หมวดคลังความรู้")


class KnowledgeKind(models.TextChoices):
    RESEARCH = "research", _("งานวิจัย")
    ARTICLE = "article", _("บทความ")
    CASE_STUDY = "case-study", _("กรณีศึกษา")
    STATISTICS = "statistics", _("ข้อมูลสถิติ")
    GIS = "gis", _("ข้อมูลภูมิสารสนเทศ (GIS)")
    EBOOK = "ebook", _("หนังสืออิเล็กทรอนิกส์")
    INFOGRAPHIC = "infographic", _("อินโฟกราฟิก")
    MULTIMEDIA = "multimedia", _("สื่อมัลติมีเดีย")


class KnowledgePage(ArticleContentPage):
    category_code = "knowledge"
    knowledge_kind = models.CharField(_("ประเภท"), max_length=20, choices=KnowledgeKind)
    reference = models.TextField(
        _("แหล่งอ้างอิง"), help_text=_("ผู้แต่ง/หน่วยงาน ชื่อเรื่อง ปีที่เผยแพร่ หรือ URL")
    )
    reference_date = models.DateField(_("วันที่ของข้อมูลอ้างอิง"))
    parent_page_types = ["sitepages.KnowledgeIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("knowledge_kind"),
        FieldPanel("reference"),
        FieldPanel("reference_date"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("ความรู้และสถิติ")

    def clean(self) -> None:
        super().clean()
        if not (self.reference or "").strip():
            raise ValidationError({"reference": _("กรุณาระบุแหล่งอ้างอิงของข้อมูล")})
