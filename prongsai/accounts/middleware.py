"""Gatekeeper for /admin/ after sign-in (R41, ADR 0010).

1. An account an administrator created (or whose password an administrator set) must choose
   its own password first.
2. Administrators, webmasters, the traffic coordinator and anyone who enrolled a device must
   verify a TOTP code in this session (or enrol one first).
Pages needed to do that stay reachable, each named in ``ALWAYS_REACHABLE``: sign-in, sign-out,
password reset, choosing one's password, verifying a code, enrolling (which applies its own
rule: two_factor.enrolment_refusal) and the admin's static helpers. Nothing is exempt by
namespace, so a new account page is behind the second factor unless it is added here
(ADR 0070).
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import staff_sessions
from .two_factor import has_confirmed_device, two_factor_required

ACCOUNT_NAMESPACE = "prongsai_accounts"
ALWAYS_REACHABLE = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    f"{ACCOUNT_NAMESPACE}:change_password",
    f"{ACCOUNT_NAMESPACE}:verify",
    f"{ACCOUNT_NAMESPACE}:enrol",
}


LAST_SEEN_KEY = "prongsai_last_seen"
STARTED_KEY = "prongsai_session_started"
# last_seen is rewritten at most this often, so a busy editor does not write the session on
# every request; the idle limit is therefore exact to within a minute.
TOUCH_EVERY_SECONDS = 60


def idle_limit_seconds(request) -> int:
    from prongsai.core import sitestate

    agency = sitestate.for_request(request).agency_for_request(request)
    minutes = getattr(agency, "staff_idle_minutes", None) or 30
    return minutes * 60


def session_expired(request) -> bool:
    """Idle for longer than the agency allows, or older than the absolute lifetime (ADR 0073).
    Sessions from before this rule get their clocks started now."""
    session, now = request.session, int(time.time())
    started = session.setdefault(STARTED_KEY, now)
    last_seen = session.get(LAST_SEEN_KEY, now)
    if now - started > settings.PRONGSAI_SESSION_ABSOLUTE_SECONDS:
        return True
    if now - last_seen > idle_limit_seconds(request):
        return True
    if now - last_seen >= TOUCH_EVERY_SECONDS or LAST_SEEN_KEY not in session:
        session[LAST_SEEN_KEY] = now
    return False


def _redirect_with_next(url_name, request):
    url = reverse(url_name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class StaffSignInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        staff_sessions.follow_new_key(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if settings.PRONGSAI_SESSION_TIMEOUTS and session_expired(request):
            logout(request)
            messages.info(
                request,
                _("ออกจากระบบอัตโนมัติเพราะไม่ได้ใช้งานนานหรือเข้าสู่ระบบนานเกินกำหนด กรุณาเข้าสู่ระบบอีกครั้ง"),
            )
            return _redirect_with_next("wagtailadmin_login", request)
        if not staff_sessions.record_activity(request):
            # Ended from the sessions screen or by an administrator (ADR 0258).
            logout(request)
            return _redirect_with_next("wagtailadmin_login", request)
        match = request.resolver_match
        if match is not None and match.view_name in ALWAYS_REACHABLE:
            return None
        if user.must_change_password:
            return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:change_password", request)
        if two_factor_required(user) and not user.is_verified():
            if has_confirmed_device(user):
                return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:verify", request)
            return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:enrol", request)
        return None
