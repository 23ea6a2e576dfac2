"""R5 The public-inspection corner: the items of OIA sections 7 and 9 as its structure."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from prongsai.core.models import BasePage
from prongsai.core.pagequeries import exclude_private
from prongsai.sitepages.oia_items import OIA_ITEM_CHOICES, OIA_ITEMS

from .base import ArticleContentPage, CategoryIndexPage


class OIAIndexPage(CategoryIndexPage):
    category_code = "oia"
    subpage_types = ["sitepages.OIAItemPage"]

    class Meta:
        verbose_name = _("ศูนย์ข้อมูลข่าวสาร (มาตรา 7 และมาตรา 9)")

    listing_order = ("path",)

    def get_context(self, request, *args, **kwargs):
        # The corner shows every item of sections 7 and 9 (with or without a page), not the
        # paginated listing of the other sections.
        context = BasePage.get_context(self, request, *args, **kwargs)
        children = exclude_private(OIAItemPage.objects.child_of(self).live())
        pages = {page.oia_item: page for page in children}
        context["oia_sections"] = [
            (
                section,
                [(item, pages.get(item.code)) for item in OIA_ITEMS if item.section == section],
            )
            for section in (7, 9)
        ]
        return context


class OIAItemPage(ArticleContentPage):
    category_code = "oia"
    oia_item = models.CharField(_("รายการตามมาตรา"), max_length=10, choices=OIA_ITEM_CHOICES)
    parent_page_types = ["sitepages.OIAIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("oia_item"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("ข้อมูลข่าวสารตามมาตรา")
