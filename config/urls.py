from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from prongsai.core.views import robots_txt
from prongsai.sitepages import sitemaps
from prongsai.sitepages.feeds import NewsFeed

# Each app that serves public or staff URLs owns a urls.py, included here under its prefix.
urlpatterns = [
    # Sign-out by POST only and a throttled password reset, before Wagtail's own (ADR 0072/0073).
    path("admin/", include("prongsai.accounts.admin_overrides")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, name="sitemap-xml"),
    path("sitemaps/<int:section>-<int:number>.xml", sitemaps.part, name="sitemap-part"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("feeds/news/", NewsFeed(), name="news-feed"),
    path("", include("prongsai.search.urls")),
    path("", include("prongsai.feedback.urls")),
    path("", include("prongsai.inforequests.urls")),
    path("", include("prongsai.analytics.urls")),
    path("", include("prongsai.compliance.urls")),
    # Before publishing's Thai-slug serve pattern: an expired Thai address must reach the 410
    # notice, not Wagtail's 404. Its converter matches only recorded expired paths.
    path("", include("prongsai.monitoring.urls")),
    path("", include("prongsai.publishing.urls")),
    path("", include("prongsai.trafficlog.urls")),
    path("", include("prongsai.accounts.urls")),
    path("", include("prongsai.parentbody.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.PRONGSAI_DEMO_SERVE_MEDIA:
    # The demo runs with DEBUG off and no nginx: serve Wagtail's images (originals and
    # renditions) only; documents go through their own view, request files through theirs.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>(?:original_images|images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns.append(path("", include(wagtail_urls)))

handler404 = "prongsai.core.views.page_not_found"
handler500 = "prongsai.core.views.server_error"
