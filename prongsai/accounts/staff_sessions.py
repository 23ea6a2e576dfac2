"""Staff sessions a person and an administrator can see and end (ASVS 7.1.2, 7.4.5, 7.5.2;
ADR 0258, docs/security/sessions.md).

Django keeps the session; a ``StaffSession`` row names it (device, address, sign-in time, last
activity) so it can be listed without decoding every session in the store. The row's id rides
in the session itself, so it follows the session when Django gives it a new key (sign-in,
password change). Ending a session deletes it from the session store (database and cache alike)
and its row, so the next request of that browser is signed out.

- At most ``PRONGSAI_MAX_STAFF_SESSIONS`` (5) sessions per account: a new sign-in ends the oldest.
- Ending one's own sessions needs the password or a two-factor code again.
- A password change or a device replacement ends the person's other sessions; an
  administrator's device reset, password set or deactivation ends all of them.
"""

import time
from importlib import import_module

import django_otp
from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from prongsai.core.audit import log
from prongsai.core.clientip import axes_client_ip

from .models import StaffSession
from .permissions import can_reset_others_account

ROW_KEY = "prongsai_staff_session"
KEY_SEEN = "prongsai_staff_session_key"
ACTIVITY_KEY = "prongsai_activity_recorded"
# The row's last activity is rewritten at most this often (as the idle clock, middleware.py).
TOUCH_EVERY_SECONDS = 60
# Wrong passwords or codes on the sessions screen before this session itself is ended: a
# stolen session must not become a way to guess the password.
MAX_REAUTHENTICATION_FAILURES = 5
FAILURES_KEY = "prongsai_reauthentication_failures"

# Why a person's sessions were ended by the system (the audit entry's "reason").
PASSWORD_CHANGED = "password_changed"  # noqa: S105 - a reason's name, not a password
PASSWORD_SET_BY_ADMINISTRATOR = "password_set_by_administrator"  # noqa: S105
TWO_FACTOR_REPLACED = "two_factor_replaced"
TWO_FACTOR_RESET = "two_factor_reset"
ACCOUNT_DEACTIVATED = "account_deactivated"


def session_store(key=None):
    return import_module(settings.SESSION_ENGINE).SessionStore(key)


def max_sessions() -> int:
    return settings.PRONGSAI_MAX_STAFF_SESSIONS


def _now():
    return timezone.now()


def _describe(request) -> dict:
    agent = request.META.get("HTTP_USER_AGENT", "")
    return {"user_agent": agent[:255], "address": axes_client_ip(request)}


def _remember(request, row: StaffSession) -> None:
    request.session[ROW_KEY] = row.pk
    request.session[KEY_SEEN] = row.session_key
    request.session[ACTIVITY_KEY] = int(time.time())


def signed_in(sender, request=None, user=None, **kwargs) -> None:
    """user_logged_in receiver: name the new session, then keep to the limit."""
    if request is None or not hasattr(request, "session") or user is None:
        return
    if request.session.session_key is None:
        request.session.save()
    now = _now()
    row = StaffSession.objects.create(
        user=user,
        session_key=request.session.session_key,
        signed_in_at=now,
        last_activity_at=now,
        **_describe(request),
    )
    _remember(request, row)
    keep_to_the_limit(user, newest=row)


def signed_out(sender, request=None, user=None, **kwargs) -> None:
    """user_logged_out receiver: the session is flushed right after; drop its row."""
    if request is None or not hasattr(request, "session"):
        return
    row_id = request.session.get(ROW_KEY)
    if row_id is not None:
        StaffSession.objects.filter(pk=row_id).delete()


def _end(row: StaffSession) -> None:
    session_store(row.session_key).delete()
    row.delete()


def _is_alive(row: StaffSession, user) -> bool:
    """Still a signed-in session of this user: present, not expired, and made with the
    current password (Django refuses a session whose password hash is stale)."""
    data = session_store(row.session_key).load()
    if str(data.get(SESSION_KEY, "")) != str(user.pk):
        return False
    return constant_time_compare(data.get(HASH_SESSION_KEY, ""), user.get_session_auth_hash())


def live_sessions(user, *, current=None) -> list[StaffSession]:
    """The user's sessions, newest activity first; rows of sessions that ended on their own
    (expired, signed out elsewhere, password changed) are cleared on the way. ``current`` is
    the row of the session serving this request: alive by definition, and its stored copy may
    not have this request's changes yet."""
    alive = []
    for row in StaffSession.objects.filter(user=user).order_by("-last_activity_at", "-pk"):
        if row.pk == current or _is_alive(row, user):
            alive.append(row)
        else:
            _end(row)
    return alive


@transaction.atomic
def keep_to_the_limit(user, *, newest: StaffSession) -> None:
    limit = max_sessions()
    if not limit:
        return
    others = [row for row in live_sessions(user, current=newest.pk) if row.pk != newest.pk]
    others.sort(key=lambda row: (row.signed_in_at, row.pk))
    excess = others[: max(0, len(others) - (limit - 1))]
    for row in excess:
        _end(row)
        log(
            instance=user,
            action="prongsai.account.session_limit_reached",
            user=user,
            data={"limit": limit, "signed_in_at": row.signed_in_at.isoformat()},
        )


def record_activity(request) -> bool:
    """Called on each admin request of a signed-in person; False when this session's row was
    ended (then the caller signs the browser out)."""
    session = request.session
    if session.session_key is None:
        return True
    now = int(time.time())
    row_id = session.get(ROW_KEY)
    key_changed = session.get(KEY_SEEN) != session.session_key
    recent = now - session.get(ACTIVITY_KEY, 0) < TOUCH_EVERY_SECONDS
    if row_id is not None and not key_changed and recent:
        return True
    user = request.user
    if row_id is None:
        # A session from before this screen existed: adopt it.
        row = StaffSession.objects.create(
            user_id=user.pk,
            session_key=session.session_key,
            signed_in_at=_now(),
            last_activity_at=_now(),
            **_describe(request),
        )
        _remember(request, row)
        return True
    updated = StaffSession.objects.filter(pk=row_id, user_id=user.pk).update(
        session_key=session.session_key, last_activity_at=_now()
    )
    if not updated:
        return False
    session[KEY_SEEN] = session.session_key
    session[ACTIVITY_KEY] = now
    return True


def follow_new_key(request) -> None:
    """After a view: if Django gave this session a new key (update_session_auth_hash after a
    password change), point the row at it at once, so ending it from elsewhere still works."""
    session = getattr(request, "session", None)
    if session is None or session.session_key is None:
        return
    row_id = session.get(ROW_KEY)
    if row_id is None or session.get(KEY_SEEN) == session.session_key:
        return
    StaffSession.objects.filter(pk=row_id).update(session_key=session.session_key)
    session[KEY_SEEN] = session.session_key


def current_row_id(request):
    return request.session.get(ROW_KEY)


# --- re-authentication ---


def _proves_identity(user, secret: str) -> bool:
    if not secret:
        return False
    if user.check_password(secret):
        return True
    token = "".join(secret.split())
    return any(
        device.verify_token(token) for device in django_otp.devices_for_user(user, confirmed=True)
    )


def require_reauthentication(request, user, secret: str) -> None:
    """The password or a two-factor code, typed again (ASVS 7.5.2). Wrong answers are
    audited; after five in this session the session itself is ended."""
    if _proves_identity(user, secret or ""):
        request.session.pop(FAILURES_KEY, None)
        return
    failures = request.session.get(FAILURES_KEY, 0) + 1
    request.session[FAILURES_KEY] = failures
    log(
        instance=user,
        action="prongsai.account.reauthentication_failed",
        user=user,
        data={"failures": failures},
    )
    if failures >= MAX_REAUTHENTICATION_FAILURES:
        # The caller signs this browser out (the session is flushed there).
        StaffSession.objects.filter(pk=request.session.get(ROW_KEY)).delete()
        raise PermissionDenied("too many re-authentication failures")
    raise ValidationError(
        {"secret": _("รหัสผ่านหรือรหัสยืนยันไม่ถูกต้อง กรุณากรอกรหัสผ่านของคุณหรือรหัส 6 หลักจากแอป")}
    )


# --- ending sessions ---


def end_own_session(request, user, session_id: int, secret: str) -> bool:
    """End one of one's own sessions; True when it was the current one (the caller then
    finishes signing this browser out). A wrong password is recorded, not rolled back."""
    require_reauthentication(request, user, secret)
    with transaction.atomic():
        row = StaffSession.objects.select_for_update().filter(user=user, pk=session_id).first()
        if row is None:
            raise ValidationError(_("ไม่พบการเข้าสู่ระบบนี้ อาจสิ้นสุดไปแล้ว"))
        current = row.pk == current_row_id(request)
        described = {"user_agent": row.user_agent, "address": row.address, "current": current}
        _end(row)
        log(instance=user, action="prongsai.account.session_ended", user=user, data=described)
    return current


def end_other_sessions(request, user, secret: str) -> int:
    require_reauthentication(request, user, secret)
    with transaction.atomic():
        ended = _end_all_but(user, keep=current_row_id(request))
        log(
            instance=user,
            action="prongsai.account.other_sessions_ended",
            user=user,
            data={"ended": ended, "reason": "own_request"},
        )
    return ended


def _end_all_but(user, keep=None) -> int:
    rows = StaffSession.objects.filter(user=user).exclude(pk=keep)
    ended = 0
    for row in rows:
        _end(row)
        ended += 1
    return ended


@transaction.atomic
def end_others_after_credential_change(request, user, reason: str) -> int:
    """A new password or a new device: the person's other browsers sign in again."""
    ended = _end_all_but(user, keep=current_row_id(request))
    log(
        instance=user,
        action="prongsai.account.other_sessions_ended",
        user=user,
        data={"ended": ended, "reason": reason},
    )
    return ended


@transaction.atomic
def end_all_sessions(account, *, reason: str, by=None) -> int:
    """Every session of the account, for a system reason (device reset, password set by an
    administrator, account deactivated). Sessions without a row (from before ADR 0258) are
    refused by Django anyway once the password or the account changes."""
    ended = _end_all_but(account)
    if ended:  # an inactive account saved again has nothing left to end
        log(
            instance=account,
            action="prongsai.account.sessions_ended",
            user=by,
            data={"ended": ended, "reason": reason},
        )
    return ended


@transaction.atomic
def end_all_sessions_by_administrator(account, *, by, reason: str) -> int:
    """ASVS 7.4.5: an administrator ends every session of another person, with a reason."""
    if not can_reset_others_account(by, account):
        raise PermissionDenied
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลในการยุติการเข้าสู่ระบบ")})
    ended = len(live_sessions(account))  # counted before: stale rows are not "ended" here
    _end_all_but(account)
    log(
        instance=account,
        action="prongsai.account.sessions_ended_by_administrator",
        user=by,
        data={"ended": ended, "reason": reason},
    )
    return ended
