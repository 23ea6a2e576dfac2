"""Strict script policy with nonces, and the Permissions-Policy header (ADR 0160).

Django's ContentSecurityPolicyMiddleware gives each request a lazy nonce and the ``csp``
context processor hands it to templates rendered with the request. Wagtail renders some of
its inline scripts (inline panels, date and time pickers) through form widgets and panel
components, without the request's context; ``current_nonce()`` lets those templates
(prongsai/core/templates/wagtailadmin/) reach the same nonce. The nonce stays lazy: the
header names it only when a template used it.
"""

from contextvars import ContextVar

from django.middleware.csp import get_nonce

_nonce = ContextVar("prongsai_csp_nonce", default=None)

# Powerful browser features no page of the site uses: denied to the site and to anything it
# embeds. fullscreen stays allowed for the site itself (embedded video players).
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "ambient-light-sensor",
                "autoplay",
                "bluetooth",
                "browsing-topics",
                "camera",
                "display-capture",
                "encrypted-media",
                "geolocation",
                "gyroscope",
                "hid",
                "idle-detection",
                "magnetometer",
                "microphone",
                "midi",
                "payment",
                "publickey-credentials-get",
                "screen-wake-lock",
                "serial",
                "usb",
                "xr-spatial-tracking",
            )
        ),
        "fullscreen=(self)",
    ]
)


def current_nonce():
    """The CSP nonce of the request being answered on this thread, or None outside one."""
    return _nonce.get()


class SecurityHeadersMiddleware:
    """Placed just inside django.middleware.csp.ContentSecurityPolicyMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _nonce.set(get_nonce(request))
        try:
            response = self.get_response(request)
        finally:
            _nonce.reset(token)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
