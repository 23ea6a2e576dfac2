"""Two-factor sign-in with TOTP (R41): who must use it, enrolment, verification, backup codes.

Built on django-otp (ADR 0010). A session counts as verified once django_otp.login() has
stored the device in it; OTPMiddleware then answers ``request.user.is_verified()``.

Who may enrol (ADR 0070): a password alone must never be enough to put a new device on an
account that already has one, or the second factor protects nothing. So replacing a device
needs a session already verified with the old device (or a backup code); a first device needs
no confirmed device at all and a password sign-in in this session within
``FRESH_SIGN_IN_SECONDS``. An administrator's reset (another person, with a reason) is the
way back for someone who lost both the phone and the backup codes.
"""

import io
import time

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from prongsai.core.audit import log

from . import notifications, staff_sessions
from .models import BackupCode, BackupCodeDevice
from .permissions import can_reset_others_account
from .role_permissions import ROLES_REQUIRING_TWO_FACTOR
from .roles import user_has_role

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "แอปยืนยันตัวตน"
BACKUP_DEVICE_NAME = "รหัสสำรอง"
# A first device may be enrolled only this soon after typing the password: a session left
# open (or stolen) later cannot add a device the owner does not know about.
FRESH_SIGN_IN_SECONDS = 10 * 60
SIGNED_IN_AT_SESSION_KEY = "prongsai_password_sign_in_at"

# Why enrolment is refused; the enrol view shows the matching Thai page.
MUST_VERIFY = "must_verify"
MUST_SIGN_IN_AGAIN = "must_sign_in_again"


def acting_user(request):
    """request.user itself, not the lazy wrappers around it.

    OTPMiddleware wraps Django's lazy user in a second lazy object; Wagtail's ``log()`` looks
    through one wrapper only, finds no log model for the other and silently records nothing."""
    user = request.user
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def record_sign_in(request) -> None:
    """user_logged_in receiver: remember when this session last proved the password."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT_SESSION_KEY] = now
        # The idle and absolute clocks of accounts.middleware start here.
        request.session["prongsai_session_started"] = now
        request.session["prongsai_last_seen"] = now


def has_any_confirmed_device(user) -> bool:
    """An authenticator app or backup codes: either one is a second factor already in place."""
    return any(True for _device in django_otp.devices_for_user(user, confirmed=True))


def signed_in_recently(request) -> bool:
    signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY)
    if not isinstance(signed_in_at, int):
        return False
    return 0 <= time.time() - signed_in_at <= FRESH_SIGN_IN_SECONDS


def enrolment_refusal(request) -> str | None:
    """None when this session may enrol (or replace) a device, else why not."""
    user = request.user
    if has_any_confirmed_device(user):
        return None if user.is_verified() else MUST_VERIFY
    return None if signed_in_recently(request) else MUST_SIGN_IN_AGAIN


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_required(user) -> bool:
    """Required for the roles that can change the whole site or see traffic data, and for
    anyone who chose to enrol (a second factor you can skip protects nothing)."""
    if not settings.PRONGSAI_REQUIRE_2FA:
        return False
    if not user.is_authenticated:
        return False
    return has_confirmed_device(user) or any(
        user_has_role(user, role) for role in ROLES_REQUIRING_TWO_FACTOR
    )


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled; one per user, kept across page reloads."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _clean_token(token: str) -> str:
    return "".join((token or "").split())


def confirm_enrolment(request, token: str) -> list[str]:
    """Confirm the pending device with a code from the app; returns fresh backup codes."""
    user = acting_user(request)
    refusal = enrolment_refusal(request)
    if refusal is not None:  # recorded, not rolled back with a transaction
        log(
            instance=user,
            action="prongsai.account.two_factor_enrol_refused",
            user=user,
            data={"reason": refusal},
        )
        raise PermissionDenied(refusal)
    return _confirm_pending_device(request, token)


@transaction.atomic
def _confirm_pending_device(request, token: str) -> list[str]:
    user = acting_user(request)
    device = pending_device(user)
    if not device.verify_token(_clean_token(token)):
        raise ValidationError(_("รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว กรุณากรอกรหัส 6 หลักที่แสดงอยู่ในแอปขณะนี้"))
    replacing = has_any_confirmed_device(user)
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = replace_backup_codes(user)
    django_otp.login(request, device)
    if replacing:
        log(instance=user, action="prongsai.account.two_factor_replaced", user=user)
        notifications.device_replaced(user)
        staff_sessions.end_others_after_credential_change(
            request, user, staff_sessions.TWO_FACTOR_REPLACED
        )
    else:
        log(instance=user, action="prongsai.account.two_factor_enrolled", user=user)
    return codes


@transaction.atomic
def reset_two_factor(account, *, by, reason: str) -> None:
    """An administrator removes another person's devices (lost phone and backup codes).

    The owner then enrols again at the next password sign-in; they are told by e-mail so a
    reset they did not ask for is noticed."""
    if not can_reset_others_account(by, account):
        raise PermissionDenied
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลในการล้างอุปกรณ์ยืนยันตัวตน")})
    removed = 0
    for model in (TOTPDevice, BackupCodeDevice, StaticDevice):
        removed += model.objects.filter(user=account).delete()[1].get(model._meta.label, 0)
    log(
        instance=account,
        action="prongsai.account.two_factor_reset",
        user=by,
        data={"reason": reason, "devices_removed": removed},
    )
    notifications.devices_reset(account, by=by, reason=reason)
    staff_sessions.end_all_sessions(account, reason=staff_sessions.TWO_FACTOR_RESET, by=by)


@transaction.atomic
def replace_backup_codes(user) -> list[str]:
    """Ten fresh codes (40 random bits each), returned once to be shown; the database keeps
    a salted hash of each (ADR 0255). Any earlier codes stop working."""
    StaticDevice.objects.filter(user=user).delete()  # clear codes from before ADR 0255
    BackupCodeDevice.objects.filter(user=user).delete()
    device = BackupCodeDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    BackupCode.objects.bulk_create(
        BackupCode(device=device, hashed=make_password(code)) for code in codes
    )
    return codes


def verify_sign_in(request, token: str) -> None:
    """Mark this session verified with a TOTP code or an unused backup code."""
    user = acting_user(request)
    token = _clean_token(token)
    device = None
    if token:
        for candidate in django_otp.devices_for_user(user, confirmed=True):
            if candidate.verify_token(token):
                device = candidate
                break
    if device is None:
        log(instance=user, action="prongsai.account.two_factor_failed", user=user)
        raise ValidationError(_("รหัสยืนยันไม่ถูกต้อง กรุณากรอกรหัส 6 หลักจากแอป หรือรหัสสำรองที่ยังไม่เคยใช้"))
    django_otp.login(request, device)
    log(instance=user, action="prongsai.account.two_factor_verified", user=user)


def base32_secret(device: TOTPDevice) -> str:
    """The key as people type it into an app when they cannot scan the QR code."""
    from base64 import b32encode

    return b32encode(device.bin_key).decode()
