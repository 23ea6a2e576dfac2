from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from prongsai.accounts.permissions import RoleMenuItem

from . import admin_views
from .permissions import can_view_statistics


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("analytics/report/", admin_views.statistics_report, name="analytics_report"),
    ]


@hooks.register("register_reports_menu_item")
def statistics_menu_item():
    return RoleMenuItem(
        _("สถิติการเข้าชมเว็บไซต์"),
        reverse("analytics_report"),
        allowed=can_view_statistics,
        name="visitor-statistics",
        icon_name="table",
        order=900,
    )
