from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_urls, services
from .admin_units import unit_viewset


@hooks.register("register_admin_urls")
def register_account_urls():
    return [path("accounts/", include(admin_urls, namespace="prongsai_accounts"))]


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return unit_viewset


@hooks.register("after_create_user")
def new_account_must_choose_its_password(request, user):
    services.require_password_change(user, by=request.user)


@hooks.register("after_edit_user")
def password_set_by_administrator_must_be_replaced(request, user):
    if request.POST.get("password1"):
        services.require_password_change(user, by=request.user)


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("prongsai_accounts:enrol"),
        "label": _("การยืนยันตัวตนสองขั้นตอน"),
        "help_text": _("ตั้งค่าแอปยืนยันตัวตนและรับรหัสสำรอง"),
    }


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    actions.register_action(
        "prongsai_accounts.password_change_required",
        _("กำหนดให้เปลี่ยนรหัสผ่าน"),
        _("กำหนดให้เปลี่ยนรหัสผ่าน"),
    )
    actions.register_action(
        "prongsai_accounts.password_changed", _("เปลี่ยนรหัสผ่าน"), _("เปลี่ยนรหัสผ่าน")
    )
    actions.register_action(
        "prongsai_accounts.two_factor_enrolled",
        _("เปิดใช้การยืนยันตัวตนสองขั้นตอน"),
        _("เปิดใช้การยืนยันตัวตนสองขั้นตอน"),
    )
    actions.register_action(
        "prongsai_accounts.two_factor_verified",
        _("ยืนยันตัวตนขั้นที่สองสำเร็จ"),
        _("ยืนยันตัวตนขั้นที่สองสำเร็จ"),
    )
    actions.register_action(
        "prongsai_accounts.two_factor_replaced",
        _("เปลี่ยนอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
        _("เปลี่ยนอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
    )
    actions.register_action(
        "prongsai_accounts.two_factor_enrol_refused",
        _("ปฏิเสธการตั้งค่าอุปกรณ์ยืนยันตัวตน (ยังไม่ได้ยืนยันตัวตนหรือเข้าสู่ระบบนานเกินไป)"),
        _("ปฏิเสธการตั้งค่าอุปกรณ์ยืนยันตัวตน"),
    )
    actions.register_action(
        "prongsai_accounts.two_factor_reset",
        _("ผู้ดูแลระบบล้างอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
        _("ผู้ดูแลระบบล้างอุปกรณ์ยืนยันตัวตนสองขั้นตอน"),
    )
    actions.register_action(
        "prongsai_accounts.two_factor_failed",
        _("ยืนยันตัวตนขั้นที่สองไม่สำเร็จ"),
        _("ยืนยันตัวตนขั้นที่สองไม่สำเร็จ"),
    )
