"""R5 The public-inspection corner: the items of OIA sections 7 and 9 as its structure.

Each item page carries the fields the Act asks of its item (``oia_blocks``, ADR 0275); the
page cannot go live without them, and the completeness check counts it only when they are
filled. The 9(8) page also lists the agency's procurement notices and results by fiscal year.
"""

from itertools import groupby

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from prongsai.core.models import BasePage
from prongsai.core.pagequeries import exclude_private
from prongsai.core.thaidate import MONTHS_LONG, buddhist_year, fiscal_year
from prongsai.sitepages.oia_blocks import ITEM_KIND, OIADetailsBlock, details_problems
from prongsai.sitepages.oia_items import OIA_ITEM_CHOICES, OIA_ITEMS

from .base import ArticleContentPage, CategoryIndexPage
from .news import NEWS_ORDER, PROCUREMENT_KINDS, NewsPage

PROCUREMENT_ITEM = "9(8)"


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
    details = StreamField(
        OIADetailsBlock(),
        blank=True,
        verbose_name=_("ข้อมูลตามที่พระราชบัญญัติกำหนด"),
        help_text=_("เพิ่มข้อมูลแบบที่ตรงกับมาตราที่เลือก เช่น 7(3) สถานที่ติดต่อ, 9(6) สัญญา, 9(8) สขร.1 รายเดือน"),
    )
    parent_page_types = ["sitepages.OIAIndexPage"]
    content_panels = [
        *ArticleContentPage.content_panels[:1],
        FieldPanel("oia_item"),
        FieldPanel("details"),
        *ArticleContentPage.content_panels[1:],
    ]

    class Meta:
        verbose_name = _("ข้อมูลข่าวสารตามมาตรา")

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        problems = details_problems(self.oia_item, self.details) if self.oia_item else []
        if problems:
            # Wagtail's StreamField widget shows one error: all problems in one message.
            errors["details"] = [ValidationError(" · ".join(str(p) for p in problems))]
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def attribute_problems(oia_item: str, details) -> list[str]:
        """The completeness check's test: why the page cannot count for its item (none when
        the fields the Act asks are filled)."""
        return [str(problem) for problem in details_problems(oia_item, details)]

    #: The columns ``attribute_problems`` reads after the item code.
    attribute_problem_fields = ("details",)

    @property
    def details_kind(self) -> str:
        return ITEM_KIND.get(self.oia_item, "")

    def summaries_by_month(self) -> list[tuple[str, list]]:
        """9(8): the uploaded สขร.1 summaries, newest month first, labelled in the Buddhist era."""
        blocks = sorted(
            (block for block in self.details if block.block_type == "procurement_summary"),
            key=lambda block: block.value["month"],
            reverse=True,
        )
        return [
            (
                f"{MONTHS_LONG[block.value['month'].month - 1]} {buddhist_year(block.value['month'])}",
                block,
            )
            for block in blocks
            if block.value["month"]
        ]

    def procurement_by_fiscal_year(self) -> list[tuple[int, list[NewsPage]]]:
        """9(8): the site's procurement notices and results, newest first, per fiscal year (BE)."""
        site = self.get_site()
        root = site.root_page if site else self.get_parent().get_parent()
        news = exclude_private(
            NewsPage.objects.descendant_of(root)
            .live()
            .filter(news_kind__in=PROCUREMENT_KINDS)
            .defer("body", "gallery")
        ).order_by(*NEWS_ORDER)
        return [
            (buddhist_year(year), list(items))
            for year, items in groupby(news, key=lambda page: fiscal_year(page.published_date))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.oia_item == PROCUREMENT_ITEM:
            context["procurement_years"] = self.procurement_by_fiscal_year()
            context["summaries"] = self.summaries_by_month()
        return context
