from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusFlagColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_urls, permissions
from .models import MemberAgency, ReportingRound


@hooks.register("register_admin_urls")
def register_parentbody_urls():
    return [path("province/", include(admin_urls, namespace="parentbody_admin"))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_coordinator(request.user)


class ReporterMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.reporter_agency(request.user) is not None


@hooks.register("register_admin_menu_item")
def board_menu_item():
    return CoordinatorMenuItem(
        _("รายงานจากหน่วยงานในสังกัด"),
        reverse("parentbody_admin:board"),
        name="province-board",
        icon_name="table",
        order=360,
    )


@hooks.register("register_admin_menu_item")
def reporter_menu_item():
    return ReporterMenuItem(
        _("รายงานต่อจังหวัด"),
        reverse("parentbody_admin:mine"),
        name="province-my-reports",
        icon_name="form",
        order=361,
    )


class MemberAgencyViewSet(ModelViewSet):
    model = MemberAgency
    icon = "group"
    menu_label = _("หน่วยงานในสังกัด")
    menu_order = 362
    add_to_admin_menu = True
    url_prefix = "province-agencies"
    search_fields = ["name", "contact_name"]
    list_filter = ["kind", "runs_prongsai"]
    list_display = [
        TitleColumn("name", label=_("หน่วยงาน"), url_name="parentbody_agency:edit"),
        Column("kind", label=_("ประเภท"), accessor="get_kind_display"),
        Column("website", label=_("เว็บไซต์")),
        # Not Column: it printed the boolean as True / False.
        StatusFlagColumn(
            "runs_prongsai", label=_("ใช้ Prongsai"), true_label=_("ใช้"), false_label=_("ไม่ใช้")
        ),
    ]


class ReportingRoundViewSet(ModelViewSet):
    model = ReportingRound
    icon = "date"
    menu_label = _("รอบการรายงานของจังหวัด")
    menu_order = 363
    add_to_admin_menu = True
    url_prefix = "province-rounds"
    search_fields = ["title"]
    list_filter = ["kind", "fiscal_year"]
    list_display = [
        TitleColumn("title", label=_("รอบ"), url_name="parentbody_round:edit"),
        Column("kind", label=_("ประเภทรอบ"), accessor="get_kind_display"),
        Column("opens_on", label=_("เปิดรับ")),
        Column("closes_on", label=_("ปิดรับ")),
    ]


@hooks.register("register_admin_viewset")
def register_parentbody_viewsets():
    return [
        MemberAgencyViewSet("parentbody_agency"),
        ReportingRoundViewSet("parentbody_round"),
    ]
