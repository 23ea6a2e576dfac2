"""R6 Operations manuals and R7 citizen service manuals: steps, each with its duration."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from prongsai.core.blocks import StepsBlock

from .base import ArticleContentPage, CategoryIndexPage


class OperationsManualIndexPage(CategoryIndexPage):
    category_code = "operations-manuals"
    subpage_types = ["sitepages.OperationsManualPage"]

    class Meta:
        verbose_name = _("หมวดคู่มือมาตรฐานการปฏิบัติงาน")


class ManualPage(ArticleContentPage):
    steps = StreamField(StepsBlock(), verbose_name=_("ขั้นตอนและระยะเวลา"))
    total_duration = models.CharField(_("ระยะเวลารวม"), max_length=100, blank=True)
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("steps"),
        FieldPanel("total_duration"),
        *ArticleContentPage.content_panels[1:],
    ]
    search_fields = [*ArticleContentPage.search_fields, index.SearchField("steps")]

    class Meta:
        abstract = True


class OperationsManualPage(ManualPage):
    category_code = "operations-manuals"
    parent_page_types = ["sitepages.OperationsManualIndexPage"]

    class Meta:
        verbose_name = _("คู่มือการปฏิบัติงาน")


class ServiceManualIndexPage(CategoryIndexPage):
    category_code = "service-manuals"
    subpage_types = ["sitepages.ServiceManualPage"]

    class Meta:
        verbose_name = _("หมวดคู่มือสำหรับประชาชน")


class ServiceManualPage(ManualPage):
    category_code = "service-manuals"
    service_channel = models.CharField(_("สถานที่/ช่องทางการให้บริการ"), max_length=500, blank=True)
    fee = models.CharField(_("ค่าธรรมเนียม"), max_length=255, default="ไม่มีค่าธรรมเนียม")
    parent_page_types = ["sitepages.ServiceManualIndexPage"]
    content_panels = [
        *ManualPage.content_panels[:1],
        FieldPanel("service_channel"),
        FieldPanel("fee"),
        *ManualPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("คู่มือสำหรับประชาชน")
