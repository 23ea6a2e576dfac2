"""Staff screens in the Wagtail admin. Thin: forms in, one service call, message out."""

from urllib.parse import unquote

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from prongsai.core.downloads import private_file_response
from prongsai.core.tabular import download

from . import permissions, selectors, services
from .evidence import render_direct_pdf, render_request_pdf
from .export import requests_workbook
from .forms import (
    DecisionForm,
    FilterForm,
    PublishForm,
    PublishRequestForm,
    SendBackForm,
    VerbalApprovalForm,
)
from .models import Status, Urgency
from .notifications import approvers_for_step


def _visible(request, pk):
    return get_object_or_404(selectors.visible_requests(request.user), pk=pk)


def _messages_from(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _render(request, template, context):
    return TemplateResponse(request, f"publishing/{template}", context)


def request_list(request):
    form = FilterForm(request.GET or None)
    queryset = selectors.visible_requests(request.user)
    if form.is_valid():
        queryset = selectors.filtered(queryset, **form.cleaned_data)
    page = Paginator(queryset, 30).get_page(request.GET.get("p"))
    return _render(
        request,
        "list.html",
        {
            "filter_form": form,
            "page_obj": page,
            "query": request.GET.urlencode(),
            "can_request": permissions.can_request(request.user),
        },
    )


def request_export(request):
    form = FilterForm(request.GET or None)
    queryset = selectors.visible_requests(request.user)
    if form.is_valid():
        queryset = selectors.filtered(queryset, **form.cleaned_data)
    return download(requests_workbook(queryset), "publish-requests.xlsx")


def _request_form_view(request, *, publish_request=None):
    form = PublishRequestForm(request.POST or None, request.FILES or None, instance=publish_request)
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data.get("attachments") or []
        try:
            if publish_request is None:
                publish_request = services.request_submit(
                    request.user, data=form.cleaned_data_for_service(), files=files
                )
            else:
                publish_request = services.request_resubmit(
                    request.user, publish_request, data=form.cleaned_data_for_service(), files=files
                )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error("attachments" if files else None, error.messages)
        else:
            messages.success(request, _("ยื่นคำขอเผยแพร่เรียบร้อยแล้ว"))
            return redirect("publishing_admin:detail", publish_request.pk)
    return _render(request, "form.html", {"form": form, "publish_request": publish_request})


def request_create(request):
    if not permissions.can_request(request.user):
        raise PermissionDenied
    return _request_form_view(request)


def request_resubmit_view(request, pk):
    publish_request = _visible(request, pk)
    if publish_request.requester_id != request.user.pk or publish_request.status != Status.RETURNED:
        raise PermissionDenied
    return _request_form_view(request, publish_request=publish_request)


def request_detail(request, pk):
    publish_request = _visible(request, pk)
    user = request.user
    step = publish_request.pending_step()
    can_decide = permissions.can_decide(user, publish_request)
    is_publisher = permissions.is_publisher(user)
    verbal = publish_request.verbal_approval_or_none()
    context = {
        "publish_request": publish_request,
        "public_url_display": unquote(publish_request.public_url),
        "events": publish_request.events.select_related("actor"),
        "attachments": publish_request.attachments.all(),
        "step": step,
        "steps": publish_request.steps(),
        "verbal": verbal,
        "can_decide": can_decide,
        "decision_form": DecisionForm() if can_decide else None,
        "can_publish": permissions.can_publish(user, publish_request),
        "publish_form": PublishForm(publish_request=publish_request),
        "send_back_form": SendBackForm(),
        "can_record_verbal": is_publisher
        and publish_request.status == Status.PENDING
        and publish_request.urgency == Urgency.URGENT,
        "can_confirm_verbal": verbal is not None
        and not verbal.is_confirmed
        and verbal.approver_id == user.pk,
        "can_resubmit": publish_request.status == Status.RETURNED
        and publish_request.requester_id == user.pk,
    }
    return _render(request, "detail.html", context)


@require_POST
def request_decide(request, pk):
    publish_request = _visible(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("กรุณาเลือกผลการพิจารณา"))
        return redirect("publishing_admin:detail", pk)
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    try:
        if decision == "approve":
            services.request_approve(request.user, publish_request, note=reason)
            messages.success(request, _("บันทึกการอนุมัติแล้ว"))
        elif decision == "reject":
            services.request_reject(request.user, publish_request, reason=reason)
            messages.success(request, _("บันทึกผลไม่อนุมัติแล้ว และแจ้งผู้เกี่ยวข้องแล้ว"))
        else:
            services.request_return_for_correction(request.user, publish_request, reason=reason)
            messages.success(request, _("ส่งกลับให้ผู้ขอแก้ไขแล้ว"))
    except ValidationError as error:
        _messages_from(request, error)
    return redirect("publishing_admin:detail", pk)


@require_POST
def request_publish_view(request, pk):
    publish_request = _visible(request, pk)
    form = PublishForm(request.POST, publish_request=publish_request)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect("publishing_admin:detail", pk)
    data = form.cleaned_data
    try:
        services.request_publish(
            request.user,
            publish_request,
            files_checked=data.get("files_checked", False),
            category_checked=data.get("category_checked", False),
            target_page=data.get("target_page"),
            page_fields=form.page_fields(),
        )
    except ValidationError as error:
        _messages_from(request, error)
    else:
        messages.success(request, _("เผยแพร่แล้ว และแจ้ง URL ให้ผู้ขอทางอีเมลแล้ว"))
    return redirect("publishing_admin:detail", pk)


@require_POST
def request_send_back_view(request, pk):
    publish_request = _visible(request, pk)
    form = SendBackForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.request_send_back(request.user, publish_request, reason=reason)
    except ValidationError as error:
        _messages_from(request, error)
    else:
        messages.success(request, _("ส่งกลับให้ผู้ขอแล้ว"))
    return redirect("publishing_admin:detail", pk)


def verbal_record_view(request, pk):
    publish_request = _visible(request, pk)
    step = publish_request.pending_step()
    approvers = approvers_for_step(step, publish_request) if step else []
    form = VerbalApprovalForm(
        request.POST or None, approvers=approvers, publish_request=publish_request
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.verbal_approval_record(
                request.user,
                publish_request,
                approver=data["approver"],
                approved_at=data["approved_at"],
                method=data["method"],
                urgency_reason=data["urgency_reason"],
                files_checked=data.get("files_checked", False),
                category_checked=data.get("category_checked", False),
                target_page=data.get("target_page"),
                page_fields=form.page_fields(),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("บันทึกการอนุมัติด้วยวาจาและเผยแพร่แล้ว รอผู้อนุมัติยืนยัน"))
            return redirect("publishing_admin:detail", pk)
    return _render(request, "verbal.html", {"form": form, "publish_request": publish_request})


@require_POST
def verbal_confirm_view(request, pk):
    publish_request = _visible(request, pk)
    try:
        services.verbal_approval_confirm(request.user, publish_request)
    except ValidationError as error:
        _messages_from(request, error)
    else:
        messages.success(request, _("ยืนยันการอนุมัติด้วยวาจาแล้ว"))
    return redirect("publishing_admin:detail", pk)


def request_pdf(request, pk):
    publish_request = _visible(request, pk)
    response = HttpResponse(render_request_pdf(publish_request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{publish_request.number}.pdf"'
    return response


def direct_pdf(request, pk):
    """The record of a page published without a request (what the assessor sees)."""
    from .models import DirectPublication

    if not permissions.can_see_all(request.user):
        raise PermissionDenied
    record = get_object_or_404(
        DirectPublication.objects.select_related("user", "information_class", "page"), pk=pk
    )
    response = HttpResponse(render_direct_pdf(record), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="direct-{record.pk}.pdf"'
    return response


def attachment_download(request, pk):
    """A request's attachment, to those who may see the request; a 404 to anyone else (R21)."""
    from django.http import Http404

    from .models import RequestAttachment

    user = request.user
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise Http404
    attachment = get_object_or_404(
        RequestAttachment.objects.filter(request__in=selectors.visible_requests(user)), pk=pk
    )
    return private_file_response(attachment.file, attachment.original_name)
