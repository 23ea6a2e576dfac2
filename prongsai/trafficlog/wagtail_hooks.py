from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from prongsai.accounts.permissions import RoleMenuItem

from .permissions import is_coordinator


@hooks.register("register_reports_menu_item")
def traffic_menu_item():
    return RoleMenuItem(
        _("ข้อมูลจราจรทางคอมพิวเตอร์"),
        reverse("trafficlog:search"),
        allowed=is_coordinator,
        name="traffic-data",
        icon_name="search",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def traffic_holds_menu_item():
    return RoleMenuItem(
        _("คำสั่งเก็บข้อมูลจราจร"),
        reverse("trafficlog:holds"),
        allowed=is_coordinator,
        name="traffic-data-holds",
        icon_name="lock",
        order=951,
    )


@hooks.register("register_reports_menu_item")
def traffic_verify_menu_item():
    return RoleMenuItem(
        _("ตรวจความครบถ้วนของข้อมูลจราจร"),
        reverse("trafficlog:verify"),
        allowed=is_coordinator,
        name="traffic-data-verify",
        icon_name="tick",
        order=952,
    )


@hooks.register("register_reports_menu_item")
def traffic_accesses_menu_item():
    return RoleMenuItem(
        _("บันทึกการเข้าถึงข้อมูลจราจร"),
        reverse("trafficlog:accesses"),
        allowed=is_coordinator,
        name="traffic-data-accesses",
        icon_name="history",
        order=953,
    )
