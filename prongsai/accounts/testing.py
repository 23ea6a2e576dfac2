"""Helpers other apps' tests use to act as staff (documented in docs/staff-accounts.md).

- ``give_role(user, Role.X)`` puts a user in the role's group (groups are synced first).
- ``login_with_otp(client, user)`` logs a Django test client in with a verified second factor,
  as a real administrator or webmaster would be after entering a TOTP code.
- ``current_totp_token(user)`` gives the code an authenticator app would show now (for
  browser tests that type it into the verify page); it enrols a device if the user has none.
"""

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .role_sync import role_group
from .roles import Role


def give_role(user, role: Role):
    user.groups.add(role_group(role))
    return user


def totp_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="ทดสอบ", confirmed=True)
    return device


def token_for(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def current_totp_token(user) -> str:
    return token_for(totp_device(user))


def login_with_otp(client, user):
    """force_login plus a verified TOTP device in the session (django_otp's session key)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    device = totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
