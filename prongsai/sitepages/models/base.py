"""Shared shapes for the category sections: an index page per category and its listing."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index

from prongsai.core import fragments, sitecache, sitestate
from prongsai.core.blocks import BodyBlock
from prongsai.core.models import BasePage, ContentPage, PublicationMetadata
from prongsai.core.pagequeries import MAX_LISTING_PAGES, exclude_private, paginate


class CategoryIndexPage(BasePage):
    """Abstract section root of one standard category. One per site (max_count_per_parent)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    max_count_per_parent = 1
    parent_page_types = ["sitepages.HomePage"]
    items_per_page = 20
    max_listing_pages = MAX_LISTING_PAGES

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # A section may have its own template; otherwise it uses the shared listing.
        return [self.template, "sitepages/category_index_page.html"]

    listing_order = ("-first_published_at", "path")

    def listing_queryset(self):
        """Published, public children in the order a visitor expects (newest first).

        With one child type the rows come from that model in one query (with the owner
        unit); with several, Wagtail's ``.specific()`` needs one query per type.
        """
        child_models = self.specific_class.allowed_subpage_models()
        if len(child_models) == 1:
            queryset = child_models[0].objects.child_of(self)
            if issubclass(child_models[0], PublicationMetadata):
                queryset = queryset.select_related("owner_unit")
        else:
            queryset = self.get_children().specific()
        return exclude_private(queryset.live()).order_by(*self.listing_order)

    def listing_count_key(self, request) -> str | None:
        """Where the listing's total is cached: per site generation, section and filter."""
        site = sitestate.for_request(request).site
        if site is None:
            return None
        return sitecache.key(site.pk, "listing-count", self.pk, getattr(self, "_kind_filter", ""))

    def listing_fragment(self, request):
        """The listing's HTML kept for this site generation (core/fragments.py, ADR 0310),
        keyed by what the listing depends on: the section, the filter and the page number.
        The page number is bounded, so a crawler's ``?page=`` values cannot fill the cache."""
        if getattr(request, "is_preview", False):
            return None
        raw = request.GET.get("page")
        try:
            number = max(1, int(raw)) if raw is not None else 1
        except ValueError:
            number = 1  # paginate() shows the first page for a page number that is no number
        number = min(number, self.max_listing_pages or number)
        kind = getattr(self, "_kind_filter", "")
        return fragments.for_request(request, "listing", self.pk, kind, number)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fragment = self.listing_fragment(request)
        context["listing_fragment"] = fragment
        if fragment is not None and fragment.html is not None:
            return context  # the listing's rows are not needed: its HTML was kept
        items = paginate(
            self.listing_queryset(),
            self.items_per_page,
            request.GET.get("page"),
            count_key=self.listing_count_key(request),
            max_pages=self.max_listing_pages,
        )
        items.object_list = list(items.object_list)
        # Mixed child types come without their owner unit: fetch the units in one query.
        prefetch_related_objects(
            [item for item in items.object_list if isinstance(item, PublicationMetadata)],
            "owner_unit",
        )
        context["items"] = items
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
