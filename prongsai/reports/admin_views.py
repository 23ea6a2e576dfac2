"""Staff screens in the Wagtail admin. Thin: a form in, one service call, a message out."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry, Site

from prongsai.core.tabular import download

from . import permissions, services
from .charts import report_charts
from .exports import render_report_pdf, render_report_xlsx
from .forms import OpenForm, ReturnForm, WrittenForm
from .models import Report, ReportingSettings, ReportStatus
from .periods import period_containing, recent_periods
from .selectors import compile_figures, figures_for
from .tables import report_tables

ACTIONS = {
    "save": services.save_written,
    "submit": services.submit_report,
    "return": services.return_report,
    "approve": services.approve_report,
    "publish": services.publish_report,
}


def _site(request) -> Site:
    return Site.find_for_request(request) or Site.objects.get(is_default_site=True)


def _check_view(request, site) -> None:
    if not permissions.can_view(request.user, site):
        raise PermissionDenied


def _report(request, pk) -> Report:
    report = get_object_or_404(Report.objects.select_related("site"), pk=pk)
    _check_view(request, report.site)
    return report


def _show_errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def report_list(request):
    site = _site(request)
    _check_view(request, site)
    reports = Report.objects.filter(site=site).select_related("approved_by")
    policy = ReportingSettings.for_site(site)
    return TemplateResponse(
        request,
        "reports/list.html",
        {
            "drafts": [r for r in reports if not r.is_frozen],
            "archive": [r for r in reports if r.is_frozen],
            "open_form": OpenForm(periods=recent_periods(policy.cadence)),
            "can_open": permissions.is_writer(request.user),
            "policy": policy,
        },
    )


@require_POST
def report_open(request):
    site = _site(request)
    _check_view(request, site)
    form = OpenForm(request.POST, periods=recent_periods(ReportingSettings.for_site(site).cadence))
    if not form.is_valid():
        messages.error(request, _("กรุณาเลือกรอบรายงานที่สิ้นสุดแล้ว"))
        return redirect("reports_admin:list")
    try:
        report = services.open_report(site=site, period=form.chosen(), user=request.user)
    except ValidationError as error:
        _show_errors(request, error)
        return redirect("reports_admin:list")
    messages.success(request, _("เปิดร่างรายงาน%(label)s แล้ว") % {"label": report.label})
    return redirect("reports_admin:detail", report.pk)


def report_detail(request, pk):
    report = _report(request, pk)
    figures = figures_for(report)
    history = (
        ModelLogEntry.objects.filter(content_type__app_label="reports", object_id=str(report.pk))
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    return TemplateResponse(
        request,
        "reports/detail.html",
        {
            "report": report,
            "f": figures,
            "tables": report_tables(figures),
            "charts": report_charts(figures),
            "written_form": WrittenForm(instance=report),
            "return_form": ReturnForm(),
            "can_write": permissions.can_write(request.user, report),
            "can_decide": permissions.can_decide(request.user, report),
            "can_publish": permissions.can_publish(request.user, report)
            and report.published_page_id is None,
            "history": history,
        },
    )


@require_POST
def report_action(request, pk):
    report = _report(request, pk)
    name = request.POST.get("action", "")
    if name not in ACTIONS:
        messages.error(request, _("ไม่รู้จักคำสั่งนี้"))
        return redirect("reports_admin:detail", report.pk)
    kwargs = {}
    if name in ("save", "submit") and permissions.is_writer(request.user) and report.is_editable:
        # Submitting also saves what was typed, so nothing written is lost on the way.
        services_data = {k: request.POST.get(k, "") for k in WrittenForm.Meta.fields}
        try:
            report = services.save_written(request.user, report, data=services_data)
        except ValidationError as error:
            _show_errors(request, error)
            return redirect("reports_admin:detail", report.pk)
    if name == "save":
        messages.success(request, _("บันทึกร่างรายงานแล้ว"))
        return redirect("reports_admin:detail", report.pk)
    if name == "return":
        kwargs["reason"] = request.POST.get("reason", "")
    try:
        ACTIONS[name](request.user, report, **kwargs)
    except ValidationError as error:
        _show_errors(request, error)
        return redirect("reports_admin:detail", report.pk)
    done = {
        "submit": _("เสนอรายงานต่อผู้บังคับบัญชาแล้ว"),
        "return": _("ส่งรายงานกลับให้แก้ไขแล้ว"),
        "approve": _("อนุมัติรายงานแล้ว ตัวเลขถูกบันทึกไว้ และส่งถึงผู้บริหารแล้ว"),
        "publish": _("เผยแพร่รายงานบนเว็บไซต์แล้ว"),
    }
    messages.success(request, done[name])
    return redirect("reports_admin:detail", report.pk)


def _filename(report, ext: str) -> str:
    return f"report-{report.period_start:%Y%m}-{report.period_end:%Y%m}.{ext}"


def report_pdf(request, pk):
    report = _report(request, pk)
    response = HttpResponse(render_report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(report, "pdf")}"'
    return response


def report_xlsx(request, pk):
    report = _report(request, pk)
    return download(render_report_xlsx(report), _filename(report, "xlsx"))


def executive_dashboard(request):
    """Read-only: the latest approved report and the running period's live figures."""
    site = _site(request)
    _check_view(request, site)
    policy = ReportingSettings.for_site(site)
    latest = (
        Report.objects.filter(site=site, status=ReportStatus.APPROVED)
        .select_related("approved_by")
        .first()
    )
    current = period_containing(policy.cadence, timezone.localdate())
    live = compile_figures(site, current, previous=latest.snapshot if latest else None)
    return TemplateResponse(
        request,
        "reports/executive.html",
        {
            "latest": latest,
            "latest_f": latest.snapshot if latest else None,
            "current": current,
            "live": live,
            "live_charts": report_charts(live),
        },
    )
