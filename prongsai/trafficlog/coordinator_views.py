"""The coordinator's own screens: run the integrity check, and see who looked at traffic data.

Same rule as the search (views.py): coordinator only, two-factor verified; each refusal and
each use is recorded in the access audit.
"""

import json
from datetime import datetime, time

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import attest, services
from .accessaudit import verify_access_audit
from .models import TrafficAccess
from .records import BANGKOK
from .verify import verify_all
from .views import _refuse_unless_coordinator

PER_PAGE = 50


class VerifyForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("ตั้งแต่วันที่ (เว้นว่าง = ทั้งหมด)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = forms.DateField(
        label=gettext_lazy("ถึงวันที่ (เว้นว่าง = ทั้งหมด)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("วันที่เริ่มต้นต้องไม่หลังวันที่สิ้นสุด"))
        return cleaned

    def bounds(self):
        start, end = self.cleaned_data["start"], self.cleaned_data["end"]
        return (
            datetime.combine(start, time.min, tzinfo=BANGKOK) if start else None,
            datetime.combine(end, time.max, tzinfo=BANGKOK) if end else None,
        )


def traffic_verify(request):
    refused = _refuse_unless_coordinator(request, TrafficAccess.Action.VERIFY)
    if refused:
        return refused
    form = VerifyForm(request.POST or None)
    context = {"page_title": _("ตรวจความครบถ้วนของข้อมูลจราจร"), "header_icon": "tick", "form": form}
    if request.method == "POST" and form.is_valid():
        start, end = form.bounds()
        document = attest.result_document(
            verify_all(start, end),
            verify_access_audit(),
            run_by=request.user.get_username(),
            start=start,
            end=end,
        )
        download = "download" in request.POST
        services.record_access(
            request,
            action=TrafficAccess.Action.VERIFY,
            outcome=TrafficAccess.Outcome.ALLOWED,
            query={
                "from": document["range"]["from"],
                "to": document["range"]["to"],
                "ok": document["ok"],
                "download": download,
            },
            result_count=document["records"],
        )
        if download:
            body = json.dumps(attest.sign(document), ensure_ascii=False, indent=1)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            response["Content-Disposition"] = (
                f'attachment; filename="traffic-verification-{stamp}.json"'
            )
            response["Cache-Control"] = "no-store"
            return response
        context["result"] = document
    return render(
        request,
        "trafficlog/admin/verify.html",
        context,
        status=400 if form.errors else 200,
    )


def traffic_accesses(request):
    refused = _refuse_unless_coordinator(request, TrafficAccess.Action.ACCESSES)
    if refused:
        return refused
    page = Paginator(TrafficAccess.objects.order_by("-at", "-pk"), PER_PAGE).get_page(
        request.GET.get("p")
    )
    # Recorded before it is shown: looking at who looked is a look too.
    services.record_access(
        request,
        action=TrafficAccess.Action.ACCESSES,
        outcome=TrafficAccess.Outcome.ALLOWED,
        query={"page": page.number},
        result_count=len(page.object_list),
    )
    return render(
        request,
        "trafficlog/admin/accesses.html",
        {
            "page_title": _("บันทึกการเข้าถึงข้อมูลจราจร"),
            "header_icon": "history",
            "page_obj": page,
        },
    )
