"""Two-factor sign-in with TOTP (R41): who must use it, enrolment, verification, backup codes.

Built on django-otp (ADR 0010). A session counts as verified once django_otp.login() has
stored the device in it; OTPMiddleware then answers ``request.user.is_verified()``.
"""

import io

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from .role_permissions import ROLES_REQUIRING_TWO_FACTOR
from .roles import user_has_role

BACKUP_CODE_COUNT = 10
TOTP_DEVICE_NAME = "แอปยืนยันตัวตน"
BACKUP_DEVICE_NAME = "รหัสสำรอง"


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_required(user) -> bool:
    """Required for the roles that can change the whole site or see traffic data, and for
    anyone who chose to enrol (a second factor you can skip protects nothing)."""
    if not getattr(settings, "PRONGSAI_REQUIRE_2FA", True):
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


@transaction.atomic
def confirm_enrolment(request, token: str) -> list[str]:
    """Confirm the pending device with a code from the app; returns fresh backup codes."""
    user = request.user
    device = pending_device(user)
    if not device.verify_token(_clean_token(token)):
        raise ValidationError(_("รหัสยืนยันไม่ถูกต้องหรือหมดอายุแล้ว กรุณากรอกรหัส 6 หลักที่แสดงอยู่ในแอปขณะนี้"))
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = replace_backup_codes(user)
    django_otp.login(request, device)
    log(instance=user, action="prongsai_accounts.two_factor_enrolled", user=user)
    return codes


@transaction.atomic
def replace_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify_sign_in(request, token: str) -> None:
    """Mark this session verified with a TOTP code or an unused backup code."""
    user = request.user
    token = _clean_token(token)
    device = None
    if token:
        for candidate in django_otp.devices_for_user(user, confirmed=True):
            if candidate.verify_token(token):
                device = candidate
                break
    if device is None:
        log(instance=user, action="prongsai_accounts.two_factor_failed", user=user)
        raise ValidationError(_("รหัสยืนยันไม่ถูกต้อง กรุณากรอกรหัส 6 หลักจากแอป หรือรหัสสำรองที่ยังไม่เคยใช้"))
    django_otp.login(request, device)
    log(instance=user, action="prongsai_accounts.two_factor_verified", user=user)


def base32_secret(device: TOTPDevice) -> str:
    """The key as people type it into an app when they cannot scan the QR code."""
    from base64 import b32encode

    return b32encode(device.bin_key).decode()
