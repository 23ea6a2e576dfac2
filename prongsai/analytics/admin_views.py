"""Staff report of visitor statistics (R10): filters by period and section, XLSX export."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from prongsai.core.tabular import xlsx_download
from prongsai.core.thaidate import thai_date

from . import selectors
from .periods import PeriodForm
from .permissions import can_view_statistics


class StatisticsFilterForm(PeriodForm):
    section = forms.ChoiceField(label=_("หมวด"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("ทุกหมวด"))] + [
            (name, name) for name in selectors.sections()
        ]


def statistics_report(request):
    if not can_view_statistics(request.user):
        raise PermissionDenied
    form = StatisticsFilterForm(request.GET or None)
    start, end = form.period()
    section = form.cleaned_data.get("section", "") if form.is_bound and form.is_valid() else ""
    months = selectors.monthly_totals(start, end, section)
    days = selectors.daily_rows(start, end, section)
    pages = selectors.top_pages(start, end, section=section, limit=50)
    if request.GET.get("format") == "xlsx":
        return xlsx_download(
            f"visitor-statistics-{start}-{end}.xlsx",
            [
                (
                    "รายวัน",
                    ["วันที่", "จำนวนการเปิดหน้า", "ผู้เข้าชม"],
                    [[thai_date(d["day"]), d["views"], d.get("visitors", "")] for d in days],
                ),
                (
                    "หน้าที่มีผู้อ่านมากที่สุด",
                    ["หน้า", "ชื่อหน้า", "จำนวนการเปิดหน้า"],
                    [[p["path"], p["title"], p["views"]] for p in pages],
                ),
            ],
        )
    context = {
        "page_title": _("สถิติการเข้าชมเว็บไซต์"),
        "header_icon": "table",
        "form": form,
        "start": start,
        "end": end,
        "section": section,
        "months": months,
        "days": days,
        "pages": pages,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "analytics/admin/report.html", context)
