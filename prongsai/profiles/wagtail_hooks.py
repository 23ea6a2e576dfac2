from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_policy_urls():
    return [path("agency-policy/", admin_views.policy_page, name="prongsai_policy_page")]


@hooks.register("register_admin_menu_item")
def policy_menu_item():
    return MenuItem(
        _("นโยบายของหน่วยงาน"),
        reverse("prongsai_policy_page"),
        name="agency-policy",
        icon_name="clipboard-list",
        order=360,
    )
