"""Public OIT page and exports; the completeness dashboard in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from prongsai.accounts.roles import Role, user_has_role

from . import export
from .models import Catalogue
from .selectors import Status, active_catalogues, catalogue_completeness

DASHBOARD_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR, Role.PUBLISHER, Role.EXECUTIVE)


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("ไม่พบเว็บไซต์"))
    return site


def _report(request, slug):
    catalogue = get_object_or_404(Catalogue, slug=slug)
    return catalogue_completeness(catalogue, _site(request), timezone.localdate())


def oit_index(request):
    return render(request, "compliance/oit_index.html", {"catalogues": active_catalogues()})


def oit_page(request, slug):
    report = _report(request, slug)
    return render(
        request,
        "compliance/oit_page.html",
        {"report": report, "groups": report.by_group(), "Status": Status},
    )


def oit_export(request, slug, fmt):
    report = _report(request, slug)
    stamp = report.today.strftime("%Y%m%d")
    if fmt == "xlsx":
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        body = export.to_xlsx(report)
    else:
        content_type = "text/csv; charset=utf-8"
        body = export.to_csv(report)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slug}-{stamp}.{fmt}"'
    return response


def _require_dashboard_access(user):
    if not any(user_has_role(user, role) for role in DASHBOARD_ROLES):
        raise PermissionDenied


def dashboard_index(request):
    _require_dashboard_access(request.user)
    site = _site(request)
    today = timezone.localdate()
    reports = [catalogue_completeness(c, site, today) for c in active_catalogues()]
    return render(request, "compliance/admin/index.html", {"reports": reports, "Status": Status})


def dashboard_detail(request, slug):
    _require_dashboard_access(request.user)
    report = _report(request, slug)
    return render(
        request,
        "compliance/admin/detail.html",
        {"report": report, "groups": report.by_group(), "Status": Status},
    )
