"""R2 Laws and regulations: every item must show its source."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import ArticleContentPage, CategoryIndexPage


class LawIndexPage(CategoryIndexPage):
    category_code = "laws"
    subpage_types = ["sitepages.LawPage"]

    class Meta:
        verbose_name = _("หมวดกฎหมาย ระเบียบ ข้อบังคับ")


class LawKind(models.TextChoices):
    ACT = "act", _("พระราชบัญญัติ")
    ROYAL_DECREE = "royal-decree", _("พระราชกฤษฎีกา")
    MINISTERIAL = "ministerial", _("กฎกระทรวง")
    ANNOUNCEMENT = "announcement", _("ประกาศ")
    REGULATION = "regulation", _("ระเบียบ ข้อบังคับ")
    STANDARD = "standard", _("มาตรฐาน")
    GUIDELINE = "guideline", _("คู่มือ แนวทางปฏิบัติ")
    CABINET = "cabinet", _("มติคณะรัฐมนตรี")
    ORDER = "order", _("คำสั่ง หนังสือเวียน")


class LawPage(ArticleContentPage):
    category_code = "laws"
    law_kind = models.CharField(_("ประเภทกฎหมาย"), max_length=20, choices=LawKind)
    effective_date = models.DateField(_("วันที่มีผลบังคับใช้"), null=True, blank=True)
    source_url = models.URLField(_("ลิงก์ต้นฉบับ"), blank=True)
    parent_page_types = ["sitepages.LawIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("law_kind"),
        FieldPanel("effective_date"),
        FieldPanel("source_url"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("กฎหมาย ระเบียบ")
