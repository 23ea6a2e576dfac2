"""Webmaster reports in the Wagtail admin: searches without results, unreadable documents."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from prongsai.accounts.roles import Role, user_has_role

from . import selectors

REPORT_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR)
REPORT_DAYS = 30


def can_see_reports(user) -> bool:
    return any(user_has_role(user, role) for role in REPORT_ROLES)


def _require_webmaster(request):
    if not can_see_reports(request.user):
        raise PermissionDenied


def searches_without_results(request):
    _require_webmaster(request)
    return render(
        request,
        "search/admin/searches_without_results.html",
        {
            "title": _("คำค้นที่ไม่พบผลลัพธ์"),
            "rows": selectors.searches_without_results(days=REPORT_DAYS),
            "days": REPORT_DAYS,
        },
    )


def documents_without_text(request):
    _require_webmaster(request)
    return render(
        request,
        "search/admin/documents_without_text.html",
        {
            "title": _("เอกสารที่ค้นหาจากเนื้อหาไม่ได้"),
            "rows": selectors.documents_needing_attention(),
        },
    )
