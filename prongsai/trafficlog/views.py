"""The coordinator's page: search traffic data and export it with a verification manifest."""

import csv
import io
import json
import zipfile

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import records, selectors, services
from .forms import TrafficSearchForm
from .models import TrafficAccess

SHOWN_ROWS = 500


def traffic_search(request):
    action = _requested_action(request)
    refusal = services.access_refusal(request)
    if refusal:
        services.record_access(
            request,
            action=action,
            outcome=TrafficAccess.Outcome.DENIED,
            query={"refusal": refusal, "method": request.method},
        )
        raise PermissionDenied
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
        context.update(found=found[:SHOWN_ROWS], total=len(found), shown=SHOWN_ROWS)
    return render(request, "trafficlog/admin/search.html", context)


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
    rows = [
        {"segment": item.segment, "line": item.line, "hash": item.hash, **item.values}
        for item in found
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if export_format == "csv":
            text = io.StringIO()
            writer = csv.DictWriter(text, fieldnames=["segment", "line", "hash", *records.FIELDS])
            writer.writeheader()
            writer.writerows(rows)
            archive.writestr("records.csv", "\ufeff" + text.getvalue())
        else:
            archive.writestr("records.json", json.dumps(rows, ensure_ascii=False, indent=1))
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="traffic-{stamp}-{export_format}.zip"'
    response["Cache-Control"] = "no-store"
    return response
