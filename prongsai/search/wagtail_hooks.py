"""Admin: the search reports for webmasters (menu Reports)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views

admin_urlpatterns = [
    path("no-results/", admin_views.searches_without_results, name="no_results"),
    path("documents/", admin_views.documents_without_text, name="documents"),
]


@hooks.register("register_admin_urls")
def register_search_admin_urls():
    return [path("search-reports/", include((admin_urlpatterns, "search_admin")))]


class WebmasterMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_no_results_menu_item():
    return WebmasterMenuItem(
        _("คำค้นที่ไม่พบผลลัพธ์"), reverse("search_admin:no_results"), icon_name="search", order=60
    )


@hooks.register("register_reports_menu_item")
def register_documents_menu_item():
    return WebmasterMenuItem(
        _("เอกสารที่ค้นหาจากเนื้อหาไม่ได้"),
        reverse("search_admin:documents"),
        icon_name="doc-full",
        order=61,
    )
