from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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


class CoordinatorRoleMenuItem(MenuItem):
    def is_shown(self, request):
        from .coordinator_role import can_confirm

        return can_confirm(request.user)


@hooks.register("register_settings_menu_item")
def register_coordinator_role_menu_item():
    return CoordinatorRoleMenuItem(
        _("ผู้ประสานงานข้อมูลจราจร"),
        reverse("prongsai_accounts:coordinator_role"),
        icon_name="key",
        order=610,
    )


_COORDINATOR_ACTIONS = {
    "prongsai_accounts.coordinator_proposed": _("เสนอแต่งตั้ง/ถอดถอนผู้ประสานงานข้อมูลจราจร"),
    "prongsai_accounts.coordinator_granted": _("แต่งตั้งผู้ประสานงานข้อมูลจราจร (ยืนยันแล้ว)"),
    "prongsai_accounts.coordinator_revoked": _("ถอดถอนผู้ประสานงานข้อมูลจราจร (ยืนยันแล้ว)"),
    "prongsai_accounts.coordinator_cancelled": _("ยกเลิกข้อเสนอผู้ประสานงานข้อมูลจราจร"),
    "prongsai_accounts.coordinator_refused": _("ปฏิเสธการแต่งตั้ง/ยืนยันผู้ประสานงานข้อมูลจราจร"),
    "prongsai_accounts.sign_in_unlocked": _("ผู้ดูแลระบบปลดการระงับการเข้าสู่ระบบ"),
    "prongsai_accounts.signed_in": _("เข้าสู่ระบบ"),
    "prongsai_accounts.sign_in_failed": _("เข้าสู่ระบบไม่สำเร็จ (รหัสผ่านไม่ถูกต้อง)"),
    "prongsai_accounts.locked_out": _("ระงับการเข้าสู่ระบบชั่วคราว (กรอกรหัสผ่านผิดหลายครั้ง)"),
}


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    for action, label in _COORDINATOR_ACTIONS.items():
        actions.register_action(action, label, label)
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


@hooks.register("before_move_page")
def move_confirmation_needs_permission_to_move(request, page, destination):
    """Wagtail checks the permission only when the move is posted; its confirmation screen
    showed any page and destination to anyone in the admin (authorisation matrix)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
