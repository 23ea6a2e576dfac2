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

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

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


def _redirect_with_next(url_name, request):
    url = reverse(url_name)
    if request.method == "GET":
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


class StaffSignInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
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
