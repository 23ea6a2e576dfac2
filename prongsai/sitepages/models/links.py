"""R4 Web links: units, external agencies, other sites, video and audio."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from prongsai.core.models import ContentPage

from .base import CategoryIndexPage


class LinkIndexPage(CategoryIndexPage):
    category_code = "links"
    subpage_types = ["sitepages.LinkCollectionPage"]

    class Meta:
        verbose_name = _("หมวดเว็บลิงก์")


class LinkKind(models.TextChoices):
    INTERNAL_UNIT = "internal-unit", _("หน่วยงานภายใน")
    EXTERNAL_AGENCY = "external-agency", _("หน่วยงานภายนอก")
    OTHER_SITE = "other-site", _("เว็บไซต์ที่น่าสนใจ")
    OWN_SYSTEM = "own-system", _("ระบบสารสนเทศของหน่วยงาน")
    VIDEO = "video", _("วีดิทัศน์")
    AUDIO = "audio", _("สื่อเสียง")


class LinkCollectionPage(ContentPage):
    """A set of web links, with R12 metadata: whose list it is and when it was checked."""

    category_code = "links"
    parent_page_types = ["sitepages.LinkIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *ContentPage.content_panels,
        InlinePanel("links", label=_("ลิงก์"), min_num=1),
        *ContentPage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("ชุดเว็บลิงก์")


class WebLink(Orderable):
    page = ParentalKey(LinkCollectionPage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("ชื่อลิงก์"), max_length=255)
    url = models.URLField(_("URL"))
    kind = models.CharField(_("ประเภท"), max_length=20, choices=LinkKind)
    description = models.CharField(_("คำอธิบาย"), max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("kind"), FieldPanel("description")]
