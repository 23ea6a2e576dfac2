"""R9 e-Services, R10 statistics, R11 CIO, and general pages (policies, sitemap)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index

from prongsai.core.blocks import BodyBlock
from prongsai.core.models import BasePage, ContentPage
from prongsai.core.pagequeries import exclude_private

from .base import ArticleContentPage, CategoryIndexPage


class EServiceIndexPage(CategoryIndexPage):
    category_code = "eservices"
    subpage_types = ["sitepages.EServicePage"]

    class Meta:
        verbose_name = _("หมวดบริการอิเล็กทรอนิกส์")

    listing_order = ("path",)


class EServicePage(ArticleContentPage):
    category_code = "eservices"
    service_url = models.URLField(_("ลิงก์เข้าใช้บริการ"), blank=True)
    parent_page_types = ["sitepages.EServiceIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("service_url"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("บริการอิเล็กทรอนิกส์")


class StatisticsPage(BasePage):
    """R10: visitor statistics and the satisfaction level, counted in-house."""

    category_code = "statistics"
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    parent_page_types = ["sitepages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("สถิติการเข้าใช้บริการเว็บไซต์")


class CIOPage(ContentPage):
    """R11: the agency's Chief Information Officer."""

    category_code = "cio"
    cio_name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    cio_position = models.CharField(_("ตำแหน่ง"), max_length=255)
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
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("บทบาทหน้าที่และนโยบาย"))
    parent_page_types = ["sitepages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    content_panels = [
        *ContentPage.content_panels,
        FieldRowPanel([FieldPanel("cio_name"), FieldPanel("cio_position")]),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("body"),
        *ContentPage.metadata_panels,
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("cio_name")]

    class Meta:
        verbose_name = _("ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)")


class StandardPage(BasePage):
    """A general page such as the website policy or the privacy policy."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    parent_page_types = ["sitepages.HomePage", "sitepages.StandardPage"]
    subpage_types = ["sitepages.StandardPage"]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("หน้าทั่วไป")


class SitemapPage(BasePage):
    """แผนผังเว็บไซต์: every section and its first items; the rest is one click further.

    Listing every item made the page grow with the site (20 MB at 50,000 news items) while
    it is linked from every footer. Each section lists its first ``items_per_section`` pages
    in the tree's order and links to itself for the rest; the result is kept per site
    generation (core/sitecache.py).
    """

    parent_page_types = ["sitepages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    items_per_section = 10

    class Meta:
        verbose_name = _("แผนผังเว็บไซต์")

    def get_context(self, request, *args, **kwargs):
        from django.core.cache import cache

        from prongsai.core import sitecache, sitestate

        context = super().get_context(request, *args, **kwargs)
        state = sitestate.for_request(request)
        key = sitecache.key(state.site.pk, "sitemap-page", self.pk) if state.site else None
        sections = cache.get(key) if key else None
        if sections is None:
            sections = self.sections(request, state)
            if key:
                cache.set(key, sections, 3600)
        context["sitemap_sections"] = sections
        return context

    def sections(self, request, state) -> list[dict]:
        home = self.get_parent()

        def url(page) -> str:
            return state.page_url(page) or page.get_url(request)

        fields = ("title", "url_path", "path", "depth", "numchild")
        found = []
        for section in exclude_private(home.get_children().live()).order_by("path").only(*fields):
            children = exclude_private(section.get_children().live()).order_by("path")
            items = list(children.only(*fields)[: self.items_per_section + 1])
            found.append(
                {
                    "title": section.title,
                    "url": url(section),
                    "items": [(item.title, url(item)) for item in items[: self.items_per_section]],
                    "more": len(items) > self.items_per_section,
                }
            )
        return found
