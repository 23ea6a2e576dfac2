from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from prongsai.accounts.roles import Role, user_has_role


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_role(request.user, Role.TRAFFIC_COORDINATOR)


@hooks.register("register_reports_menu_item")
def traffic_menu_item():
    return CoordinatorMenuItem(
        _("ข้อมูลจราจรทางคอมพิวเตอร์"),
        reverse("trafficlog:search"),
        name="traffic-data",
        icon_name="search",
        order=950,
    )


@hooks.register("register_reports_menu_item")
def traffic_holds_menu_item():
    return CoordinatorMenuItem(
        _("คำสั่งเก็บข้อมูลจราจร"),
        reverse("trafficlog:holds"),
        name="traffic-data-holds",
        icon_name="lock",
        order=951,
    )


@hooks.register("register_reports_menu_item")
def traffic_verify_menu_item():
    return CoordinatorMenuItem(
        _("ตรวจความครบถ้วนของข้อมูลจราจร"),
        reverse("trafficlog:verify"),
        name="traffic-data-verify",
        icon_name="tick",
        order=952,
    )


@hooks.register("register_reports_menu_item")
def traffic_accesses_menu_item():
    return CoordinatorMenuItem(
        _("บันทึกการเข้าถึงข้อมูลจราจร"),
        reverse("trafficlog:accesses"),
        name="traffic-data-accesses",
        icon_name="history",
        order=953,
    )
