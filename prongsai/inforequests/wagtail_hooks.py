from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_handle_info_requests


@hooks.register("register_admin_urls")
def register_info_request_urls():
    return [
        path("information-requests/", admin_views.request_queue, name="inforequests_admin_queue"),
        path(
            "information-requests/<int:pk>/",
            admin_views.request_detail,
            name="inforequests_admin_detail",
        ),
    ]


class HandlerMenuItem(MenuItem):
    def is_shown(self, request):
        return can_handle_info_requests(request.user)


@hooks.register("register_admin_menu_item")
def info_request_menu_item():
    return HandlerMenuItem(
        _("คำขอข้อมูลข่าวสาร"),
        reverse("inforequests_admin_queue"),
        name="info-requests",
        icon_name="mail",
        order=360,
    )


@hooks.register("register_log_actions")
def register_info_request_log_actions(actions):
    actions.register_action(
        "prongsai.inforequest.submit", _("รับคำขอข้อมูลข่าวสาร"), _("รับคำขอข้อมูลข่าวสาร")
    )
    actions.register_action(
        "prongsai.inforequest.start", _("เริ่มดำเนินการคำขอข้อมูลข่าวสาร"), _("เริ่มดำเนินการ")
    )
    actions.register_action("prongsai.inforequest.decide", _("แจ้งผลคำขอข้อมูลข่าวสาร"), _("แจ้งผลคำขอ"))
