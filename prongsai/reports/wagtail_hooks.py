from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from . import admin_urls, permissions


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/periodic/", include(admin_urls, namespace="reports_admin"))]


def _site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        site = _site(request)
        return site is not None and permissions.can_view(request.user, site)


class ExecutiveMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_executive(request.user)


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return ReportsMenuItem(
        _("รายงานผลการดำเนินงาน"),
        reverse("reports_admin:list"),
        name="periodic-reports",
        icon_name="doc-full",
        order=350,
    )


@hooks.register("register_admin_menu_item")
def executive_menu_item():
    return ExecutiveMenuItem(
        _("ภาพรวมสำหรับผู้บริหาร"),
        reverse("reports_admin:executive"),
        name="executive-view",
        icon_name="view",
        order=340,
    )
