from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from prongsai.core import fragments
from prongsai.core.blocks import BodyBlock
from prongsai.core.models import BasePage
from prongsai.core.pagequeries import exclude_private


class HomePage(BasePage):
    """The agency's home page: the root of the public site."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("เนื้อหา"))
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "sitepages.AgencyIndexPage",
        "sitepages.LawIndexPage",
        "sitepages.KnowledgeIndexPage",
        "sitepages.LinkIndexPage",
        "sitepages.OIAIndexPage",
        "sitepages.OperationsManualIndexPage",
        "sitepages.ServiceManualIndexPage",
        "sitepages.NewsIndexPage",
        "sitepages.EServiceIndexPage",
        "sitepages.StatisticsPage",
        "sitepages.CIOPage",
        "sitepages.StandardPage",
        "sitepages.PolicyPage",
        "sitepages.SitemapPage",
    ]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("หน้าแรก")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The news cards, the sections and the tasks are the same for every visitor: kept per
        # site generation and window edge (ADR 0310). The template calls ``latest_news`` only
        # when it renders them, so on a hit the query is neither built nor run.
        if not getattr(request, "is_preview", False):
            context["home_fragment"] = fragments.for_request(request, "home", self.pk)
        context["latest_news"] = self.latest_news
        return context

    def latest_news(self):
        from .news import NEWS_ORDER, NewsPage

        return (
            exclude_private(
                NewsPage.objects.live().descendant_of(self).select_related("owner_unit")
            )
            .defer("body", "attachments", "gallery")  # the cards show none of them
            .order_by(*NEWS_ORDER)[:6]
        )

    @staticmethod
    def root():
        return Page.get_first_root_node()
