from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from prongsai.accounts.permissions import RoleMenuItem

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
        path(
            "information-requests/<int:pk>/attachment/",
            admin_views.attachment_download,
            name="inforequests_admin_attachment",
        ),
    ]


@hooks.register("register_admin_menu_item")
def info_request_menu_item():
    return RoleMenuItem(
        _("คำขอข้อมูลข่าวสาร"),
        reverse("inforequests_admin_queue"),
        allowed=can_handle_info_requests,
        name="info-requests",
        icon_name="mail",
        order=360,
    )
