"""Two of Wagtail's admin views with Prongsai's rules, mounted before Wagtail's own URLs
(config/urls.py) under the same names, so every link and ``reverse()`` reaches these.

- Password reset: throttled per client address (R41, ADR 0072); over the limit nothing is
  sent and the page says so in Thai, without saying whether the address has an account.
- Sign-out: by POST only (ADR 0073). Wagtail's view deletes the session cookie whatever the
  method, so a plain link or an ``<img src=".../logout/">`` on any page signed staff out.
  A GET shows a confirmation form instead.
"""

import logging

from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.views import account

from prongsai.core.clientip import client_ip

from .lockout import password_reset_allowed

logger = logging.getLogger(__name__)


class ThrottledPasswordResetView(account.PasswordResetView):
    def form_valid(self, form):
        if not password_reset_allowed(client_ip(self.request)):
            logger.warning("password reset throttled for %s", client_ip(self.request))
            form.add_error(
                None,
                _("มีการขอตั้งรหัสผ่านใหม่จากเครื่องนี้หลายครั้งเกินไป กรุณารอประมาณหนึ่งชั่วโมงแล้วลองใหม่"),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


class PostOnlyLogoutView(account.LogoutView):
    http_method_names = ["get", "post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method == "GET":
            return TemplateResponse(request, "accounts/logout_confirm.html", {})
        return super().dispatch(request, *args, **kwargs)


urlpatterns = [
    path(
        "password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("logout/", PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
]
