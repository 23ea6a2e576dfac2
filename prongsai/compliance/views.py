"""Public OIT page and exports (the staff dashboard is in admin_views.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from prongsai.core.tabular import CSV_TYPE, download
from prongsai.core.thaidate import fiscal_year_bounds

from . import export
from .cache import cached_completeness
from .models import Catalogue
from .selectors import Status, active_catalogues


def site_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404(_("ไม่พบเว็บไซต์"))
    return site


def _report(request, slug):
    """The public page and its exports share one cached computation (ADR 0037)."""
    catalogue = get_object_or_404(Catalogue, slug=slug)
    return cached_completeness(catalogue, site_for_request(request), timezone.localdate())


def oit_index(request):
    return render(request, "compliance/oit_index.html", {"catalogues": active_catalogues()})


def oit_page(request, slug):
    report = _report(request, slug)
    return render(
        request,
        "compliance/oit_page.html",
        {
            "report": report,
            "groups": report.by_group(),
            "Status": Status,
            # R12: the period the list is assessed on is the catalogue's fiscal year.
            "report_period": fiscal_year_bounds(report.fiscal_year),
        },
    )


def oit_export(request, slug, fmt):
    report = _report(request, slug)
    stamp = report.today.strftime("%Y%m%d")
    filename = f"{slug}-{stamp}.{fmt}"
    if fmt == "xlsx":
        return download(export.to_xlsx(report), filename)
    return download(export.to_csv(report), filename, CSV_TYPE)
