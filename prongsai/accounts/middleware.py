"""Gatekeeper for /admin/ after sign-in (R41, ADR 0010).

1. An account an administrator created (or whose password an administrator set) must choose
   its own password first.
2. Administrators, webmasters, the traffic coordinator and anyone who enrolled a device must
   verify a TOTP code in this session (or enrol one first).
Pages needed to do that — sign-in, sign-out, password reset, our own account pages and the
admin's static helpers — stay reachable.
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
        if match is not None and (
            ACCOUNT_NAMESPACE in match.namespaces
            or match.url_name in ALWAYS_REACHABLE
            or (match.url_name or "").startswith("wagtailadmin_password_reset")
        ):
            return None
        if user.must_change_password:
            return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:change_password", request)
        if two_factor_required(user) and not user.is_verified():
            if has_confirmed_device(user):
                return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:verify", request)
            return _redirect_with_next(f"{ACCOUNT_NAMESPACE}:enrol", request)
        return None
