from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Site

from prongsai.accounts.permissions import RoleMenuItem

from . import admin_urls, permissions


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/periodic/", include(admin_urls, namespace="reports_admin"))]


def _site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def _may_view_reports(request) -> bool:
    site = _site(request)
    return site is not None and permissions.can_view(request.user, site)


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return RoleMenuItem(
        _("รายงานผลการดำเนินงาน"),
        reverse("reports_admin:list"),
        allowed=_may_view_reports,
        per_request=True,
        name="periodic-reports",
        icon_name="doc-full",
        order=350,
    )


@hooks.register("register_admin_menu_item")
def executive_menu_item():
    return RoleMenuItem(
        _("ภาพรวมสำหรับผู้บริหาร"),
        reverse("reports_admin:executive"),
        allowed=permissions.is_executive,
        name="executive-view",
        icon_name="view",
        order=340,
    )
