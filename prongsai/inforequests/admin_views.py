"""Staff screens: the queue of information requests and one request with its decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from prongsai.core.downloads import private_file_response

from . import selectors, services
from .forms import DecisionForm
from .models import InfoRequest
from .permissions import can_handle_info_requests


def _handler_only(request):
    if not can_handle_info_requests(request.user):
        raise PermissionDenied


def request_queue(request):
    _handler_only(request)
    status = request.GET.get("status", "")
    if status not in InfoRequest.Status.values:
        status = ""
    overdue = request.GET.get("overdue") == "1"
    context = {
        "page_title": _("คำขอข้อมูลข่าวสาร"),
        "requests": selectors.queue(status, overdue)[:200],
        "statuses": InfoRequest.Status.choices,
        "status": status,
        "overdue": overdue,
        "overdue_count": selectors.overdue_count(),
    }
    return render(request, "inforequests/admin/queue.html", context)


def request_detail(request, pk):
    _handler_only(request)
    info_request = get_object_or_404(InfoRequest, pk=pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "start":
                services.start_processing(info_request, request.user)
                messages.success(request, _("บันทึกว่าเริ่มดำเนินการแล้ว"))
                return redirect("inforequests_admin_detail", pk)
            if form.is_valid():
                services.record_decision(
                    info_request,
                    request.user,
                    status=form.cleaned_data["status"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("บันทึกผลการพิจารณาและแจ้งผู้ขอแล้ว"))
                return redirect("inforequests_admin_detail", pk)
        except ValidationError as error:
            for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
                form.add_error(field if field in form.fields else None, errors)
    context = {
        "page_title": f"{info_request.reference} {info_request.subject}",
        "r": info_request,
        "events": info_request.events.select_related("user"),
        "form": form,
    }
    return render(
        request, "inforequests/admin/detail.html", context, status=400 if form.errors else 200
    )


def attachment_download(request, pk):
    """The citizen's attachment, to the request's handlers only (the same predicate as the
    request's screen); a request without a file, or a file gone from disk, is a 404."""
    _handler_only(request)
    info_request = get_object_or_404(InfoRequest.objects.exclude(attachment=""), pk=pk)
    return private_file_response(info_request.attachment, info_request.attachment_name)
