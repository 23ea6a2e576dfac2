"""State changes for staff accounts and units (R20, R41). Views and hooks stay thin."""

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from .roles import Role, user_has_role


@transaction.atomic
def require_password_change(account, *, by) -> None:
    """An administrator chose this password, so the owner must replace it on first sign-in."""
    if account.pk == by.pk:
        return
    account.must_change_password = True
    account.save(update_fields=["must_change_password"])
    log(instance=account, action="prongsai.account.password_change_required", user=by)


@transaction.atomic
def set_own_password(user, current_password: str, new_password: str) -> None:
    if not user.check_password(current_password):
        raise ValidationError({"current_password": _("รหัสผ่านปัจจุบันไม่ถูกต้อง")})
    if new_password == current_password:
        raise ValidationError({"new_password1": _("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม")})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from error
    user.set_password(new_password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    log(instance=user, action="prongsai.account.password_changed", user=user)


def delete_unit(unit, *, by) -> None:
    """Delete a unit nobody refers to; a unit that owns content or has sub-units stays."""
    if not user_has_role(by, Role.ADMINISTRATOR):
        raise PermissionDenied
    name = str(unit)
    try:
        with transaction.atomic():
            log(instance=unit, action="wagtail.delete", user=by)
            unit.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError(
            _(
                "ลบหน่วยงาน “%(name)s” ไม่ได้ เพราะยังมีข้อมูลหรือหน่วยงานย่อยที่อ้างถึงหน่วยงานนี้ "
                "(%(count)d รายการ) กรุณาโอนข้อมูลหรือหน่วยงานย่อยไปยังหน่วยงานอื่นก่อน"
            )
            % {
                "name": name,
                "count": len(
                    error.protected_objects
                    if isinstance(error, ProtectedError)
                    else error.restricted_objects
                ),
            }
        ) from error
