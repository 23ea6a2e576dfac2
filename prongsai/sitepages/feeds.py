"""RSS for news and announcements."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from prongsai.core.pagequeries import exclude_private

from .models import NewsPage
from .models.news import NEWS_ORDER


class NewsFeed(Feed):
    title = _("ข่าวประชาสัมพันธ์")
    description = _("ข่าวและประกาศล่าสุดของหน่วยงาน")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def link(self, site):
        return site.root_url if site else "/"

    def feed_url(self, site):
        # The feed's own address (atom:link rel="self") from the site's configured root, not
        # from the host the request came in on (Django's default; ADR 0261).
        return site.root_url.rstrip("/") + reverse("news-feed") if site else None

    def items(self, site):
        queryset = exclude_private(NewsPage.objects.live()).order_by(*NEWS_ORDER)
        if site:
            queryset = queryset.descendant_of(site.root_page)
        return queryset[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at
