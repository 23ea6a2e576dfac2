from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_urls, services, staff_sessions
from .admin_units import unit_viewset
from .permissions import RoleMenuItem, can_confirm_coordinator


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


@hooks.register("after_edit_user")
def sessions_end_with_a_new_password_or_deactivation(request, user):
    """A password set by an administrator, or an account switched off, ends every session of
    the account at once (ADR 0258; Django would refuse a stale one anyway, at its next use)."""
    if user.pk == request.user.pk:
        return
    if request.POST.get("password1"):
        reason = staff_sessions.PASSWORD_SET_BY_ADMINISTRATOR
    elif not user.is_active:
        reason = staff_sessions.ACCOUNT_DEACTIVATED
    else:
        return
    staff_sessions.end_all_sessions(user, reason=reason, by=request.user)


@hooks.register("register_account_menu_item")
def sessions_account_menu_item(request):
    return {
        "url": reverse("prongsai_accounts:my_sessions"),
        "label": _("การเข้าสู่ระบบของฉัน"),
        "help_text": _("ดูอุปกรณ์ที่เข้าสู่ระบบอยู่ และออกจากระบบอุปกรณ์ที่ไม่ได้ใช้"),
    }


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("prongsai_accounts:enrol"),
        "label": _("การยืนยันตัวตนสองขั้นตอน"),
        "help_text": _("ตั้งค่าแอปยืนยันตัวตนและรับรหัสสำรอง"),
    }


@hooks.register("register_settings_menu_item")
def register_coordinator_role_menu_item():
    return RoleMenuItem(
        _("ผู้ประสานงานข้อมูลจราจร"),
        reverse("prongsai_accounts:coordinator_role"),
        allowed=can_confirm_coordinator,
        icon_name="key",
        order=610,
    )


@hooks.register("before_move_page")
def move_confirmation_needs_permission_to_move(request, page, destination):
    """Wagtail checks the permission only when the move is posted; its confirmation screen
    showed any page and destination to anyone in the admin (authorisation matrix)."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
