"""Public URLs: an expired item's address answers HTTP 410 with a Thai notice (R30).

The converter matches only paths recorded as expired (one indexed query), so every other
request falls through to Wagtail's page serving untouched.
"""

from django.urls import path, register_converter

from . import views
from .models import ExpiredItem
from .windows import normalize_path


class ExpiredPathConverter:
    regex = r".+"

    def to_python(self, value: str) -> str:
        # The resolver passes the decoded path; normalize_path() is idempotent on it and
        # stored paths are decoded the same way, so Thai and Latin addresses compare alike.
        candidate = normalize_path("/" + value)
        if not ExpiredItem.objects.filter(
            path=candidate, active=True, kind=ExpiredItem.Kind.PAGE
        ).exists():
            raise ValueError("not an expired path")
        return candidate

    def to_url(self, value: str) -> str:
        return value.lstrip("/")


register_converter(ExpiredPathConverter, "expiredpath")

app_name = "monitoring"
urlpatterns = [
    path("<expiredpath:expired_path>", views.expired_item, name="expired-item"),
]
