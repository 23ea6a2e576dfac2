"""The coordinator's pages: search and export traffic data; holds (orders to keep longer)."""

import io
import json
import zipfile
from datetime import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.accounts.two_factor import has_confirmed_device
from prongsai.core.tabular import csv_bytes
from prongsai.core.thaidate import thai_date

from . import permissions, records, selectors, services
from .forms import EndHoldForm, HoldForm, TrafficSearchForm
from .models import Hold, TrafficAccess

SHOWN_ROWS = 500


def _refuse_unless_coordinator(request, action):
    """Record and refuse anyone but a two-factor-verified coordinator; None if allowed."""
    refusal = permissions.access_refusal(request)
    if not refusal:
        return None
    services.record_access(
        request,
        action=action,
        outcome=TrafficAccess.Outcome.DENIED,
        query={"refusal": refusal, "method": request.method, "path": request.path},
    )
    if refusal == "two-factor-not-verified":
        # The coordinator, not yet verified in this session: say how, still with 403.
        step = "verify" if has_confirmed_device(request.user) else "enrol"
        url = reverse(f"prongsai_accounts:{step}") + "?" + urlencode({"next": request.path})
        return render(
            request, "trafficlog/admin/verify_first.html", {"verify_url": url}, status=403
        )
    # A Thai page in the site's frame, not Django's bare English "403 Forbidden".
    return render(request, "trafficlog/denied.html", status=403)


def traffic_search(request):
    action = _requested_action(request)
    refused = _refuse_unless_coordinator(request, action)
    if refused:
        return refused
    form = TrafficSearchForm(request.POST or None)
    context = {"page_title": _("ค้นหาข้อมูลจราจรทางคอมพิวเตอร์"), "header_icon": "search", "form": form}
    if request.method == "POST" and form.is_valid():
        query = form.query()
        found, segments = selectors.search(query)
        services.record_access(
            request,
            action=action,
            outcome=TrafficAccess.Outcome.ALLOWED,
            query=query.as_dict(),
            reason=form.cleaned_data["reason"],
            result_count=len(found),
        )
        if action == TrafficAccess.Action.EXPORT:
            return _export(request, query, found, segments, form.cleaned_data["reason"])
        shown = [(item, _display_time(item.values["time"])) for item in found[:SHOWN_ROWS]]
        context.update(found=shown, total=len(found), shown=SHOWN_ROWS)
    return render(request, "trafficlog/admin/search.html", context)


def _display_time(text: str) -> str:
    """Buddhist-era date, with the recorded time to the microsecond (evidence needs it)."""
    moment = timezone.localtime(datetime.fromisoformat(text))
    return f"{thai_date(moment, short=True)} {moment:%H:%M:%S.%f}"


def _requested_action(request) -> str:
    if request.method == "POST" and request.POST.get("export") in {"csv", "json"}:
        return TrafficAccess.Action.EXPORT
    return TrafficAccess.Action.SEARCH


def _export(request, query, found, segments, reason) -> HttpResponse:
    export_format = request.POST["export"]
    manifest = {
        "exported_at": timezone.localtime().isoformat(),
        "exported_by": request.user.get_username(),
        "reason": reason,
        "query": query.as_dict(),
        "record_count": len(found),
        "segments": selectors.manifest(segments),
        "how_to_verify": (
            "Each record's hash equals SHA-256 of the segment line after its first 65 characters; "
            "each segment file's SHA-256 is listed here and in the sealed checkpoint file. "
            "Run `manage.py traffic_verify` on the originals."
        ),
    }
    fields = ["segment", "line", "hash", *records.FIELDS]
    rows = [
        {"segment": item.segment, "line": item.line, "hash": item.hash, **item.values}
        for item in found
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if export_format == "csv":
            # The exact values are in records.json and the sealed segments; the CSV is for a
            # spreadsheet, so a logged value that starts like a formula is marked as text.
            table = [[row.get(name, "") for name in fields] for row in rows]
            archive.writestr("records.csv", csv_bytes(fields, table))
        else:
            archive.writestr("records.json", json.dumps(rows, ensure_ascii=False, indent=1))
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="traffic-{stamp}-{export_format}.zip"'
    response["Cache-Control"] = "no-store"
    return response


def traffic_holds(request):
    refused = _refuse_unless_coordinator(request, TrafficAccess.Action.HOLDS)
    if refused:
        return refused
    form = HoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hold = services.create_hold(request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("บันทึกคำสั่งเก็บข้อมูล %(ref)s แล้ว") % {"ref": hold})
            return redirect("trafficlog:holds")
    return render(
        request,
        "trafficlog/admin/holds.html",
        {
            "page_title": _("คำสั่งให้เก็บข้อมูลจราจรนานกว่ากำหนด"),
            "header_icon": "lock",
            "form": form,
            "holds": Hold.objects.select_related("created_by", "ended_by"),
            "end_form": EndHoldForm(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def traffic_hold_end(request, pk):
    refused = _refuse_unless_coordinator(request, TrafficAccess.Action.HOLDS)
    if refused:
        return refused
    hold = get_object_or_404(Hold, pk=pk)
    form = EndHoldForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["end_note"]))
        return redirect("trafficlog:holds")
    try:
        services.end_hold(request.user, hold, form.cleaned_data["end_note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("ยกเลิกคำสั่ง %(ref)s แล้ว") % {"ref": hold})
    return redirect("trafficlog:holds")
