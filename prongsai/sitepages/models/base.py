"""Shared shapes for the category sections: an index page per category and its listing."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from prongsai.core.blocks import BodyBlock
from prongsai.core.models import BasePage, ContentPage


class CategoryIndexPage(BasePage):
    """Abstract section root of one standard category. One per site (max_count_per_parent)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    max_count_per_parent = 1
    parent_page_types = ["sitepages.HomePage"]
    items_per_page = 20

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # A section may have its own template; otherwise it uses the shared listing.
        return [self.template, "sitepages/category_index_page.html"]

    def listing_queryset(self):
        """Published, public children in the order a visitor expects (newest first)."""
        return (
            self.get_children().live().public().specific().order_by("-first_published_at", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.listing_queryset(), self.items_per_page)
        context["items"] = paginator.get_page(request.GET.get("page"))
        return context


class ArticleContentPage(ContentPage):
    """Abstract content item with a body and downloadable attachments."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("เอกสาร")))],
        blank=True,
        verbose_name=_("เอกสารแนบ"),
    )

    content_panels = [
        *ContentPage.content_panels,
        FieldPanel("body"),
        FieldPanel("attachments"),
        *ContentPage.metadata_panels,
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("body")]
    subpage_types: list[str] = []

    class Meta:
        abstract = True
