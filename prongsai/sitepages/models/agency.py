"""R1 Agency information: history, vision, structure, executives, plans, budget, contact."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from prongsai.core.models import ContentPage

from .base import ArticleContentPage, CategoryIndexPage


class AgencyIndexPage(CategoryIndexPage):
    category_code = "agency"
    subpage_types = [
        "sitepages.AgencyInfoPage",
        "sitepages.ExecutiveDirectoryPage",
        "sitepages.ContactPage",
    ]

    class Meta:
        verbose_name = _("หมวดข้อมูลหน่วยงาน")

    listing_order = ("path",)


class AgencyInfoTopic(models.TextChoices):
    HISTORY = "history", _("ประวัติความเป็นมา")
    VISION = "vision", _("วิสัยทัศน์ พันธกิจ")
    STRUCTURE = "structure", _("โครงสร้างองค์กร")
    AUTHORITY = "authority", _("อำนาจหน้าที่")
    MISSION = "mission", _("ภารกิจและความรับผิดชอบ")
    STRATEGY = "strategy", _("ยุทธศาสตร์และแผนปฏิบัติราชการ")
    BUDGET = "budget", _("แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี")
    PERFORMANCE = "performance", _("คำรับรองและรายงานผลการปฏิบัติราชการ")
    OTHER = "other", _("อื่น ๆ")


class AgencyInfoPage(ArticleContentPage):
    category_code = "agency"
    topic = models.CharField(
        _("หัวข้อ"), max_length=20, choices=AgencyInfoTopic, default=AgencyInfoTopic.OTHER
    )
    parent_page_types = ["sitepages.AgencyIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("topic"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("ข้อมูลหน่วยงาน")


class ExecutiveDirectoryPage(ContentPage):
    """ทำเนียบผู้บริหาร: executives with photos, positions and contacts."""

    category_code = "agency"
    parent_page_types = ["sitepages.AgencyIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *ContentPage.content_panels,
        InlinePanel("executives", label=_("ผู้บริหาร"), min_num=1),
        *ContentPage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("ทำเนียบผู้บริหาร")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Photos and their resized versions in two queries, not two per person.
        context["executives"] = self.executives.select_related("photo").prefetch_related(
            "photo__renditions"
        )
        return context


class Executive(Orderable):
    page = ParentalKey(ExecutiveDirectoryPage, on_delete=models.CASCADE, related_name="executives")
    name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    position = models.CharField(_("ตำแหน่ง"), max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("รูปถ่าย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("โทรศัพท์"), max_length=100, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    authority = models.TextField(_("อำนาจหน้าที่"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("authority"),
    ]


class ContactPage(ContentPage):
    """ติดต่อเรา: the address, phones, fax and e-mail come from the agency settings.

    It carries R12 metadata like every content page: who keeps the contacts up to date, and
    since when they are valid (issue 19: a contact page without it misinforms)."""

    category_code = "agency"
    #: core.sitestate links the page from the menu's "ติดต่อเรา".
    contact_page = True
    map_url = models.URLField(_("ลิงก์แผนที่"), blank=True)
    office_hours = models.CharField(
        _("เวลาทำการ"), max_length=255, default="วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น."
    )
    parent_page_types = ["sitepages.AgencyIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("office_hours"),
        FieldPanel("map_url"),
        *ContentPage.metadata_panels,
    ]

    class Meta:
        verbose_name = _("ติดต่อหน่วยงาน")
