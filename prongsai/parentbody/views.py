"""Admin screens of the province's board and the reporters' form. Thin: one service call each.

A reporter asking for another agency's submission gets 404: the screen does not even confirm
that it exists.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from prongsai.core.tabular import XLSX_TYPE

from . import permissions, selectors, services, tokens
from .exports import round_pdf, round_xlsx
from .forms import ReporterForm, ReturnForm, SubmissionForm
from .models import ApiCall, ApiToken, Attachment, MemberAgency, ReportingRound, Submission


def _coordinator(request) -> None:
    if not permissions.is_coordinator(request.user):
        raise PermissionDenied


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def board(request):
    _coordinator(request)
    rounds = [(r, selectors.counts(selectors.board(r))) for r in selectors.rounds_for_board()]
    agencies = MemberAgency.objects.order_by("name")
    return TemplateResponse(
        request, "parentbody/board.html", {"rounds": rounds, "agencies": agencies}
    )


def round_board(request, pk):
    _coordinator(request)
    round_ = get_object_or_404(ReportingRound, pk=pk)
    rows = selectors.board(round_)
    return TemplateResponse(
        request,
        "parentbody/round.html",
        {"round": round_, "rows": rows, "counts": selectors.counts(rows)},
    )


def _visible_submission(request, pk) -> Submission:
    submission = Submission.objects.select_related("round", "agency").filter(pk=pk).first()
    if submission is None or not permissions.can_see_submission(request.user, submission):
        raise Http404
    return submission


def submission_detail(request, pk):
    submission = _visible_submission(request, pk)
    history = (
        ModelLogEntry.objects.filter(
            content_type__app_label="parentbody",
            content_type__model="submission",
            object_id=str(submission.pk),
        )
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    coordinator = permissions.is_coordinator(request.user)
    return TemplateResponse(
        request,
        "parentbody/submission.html",
        {
            "submission": submission,
            "answers": submission.answers,
            "broken": selectors.broken_links(submission),
            "checks": submission.link_checks.all(),
            "can_decide": coordinator and submission.status in ("submitted", "late"),
            "is_coordinator": coordinator,
            "return_form": ReturnForm(),
            "history": history,
            "calls": submission.api_calls.select_related("token")[:20] if coordinator else [],
        },
    )


@require_POST
def submission_action(request, pk):
    submission = _visible_submission(request, pk)
    action = request.POST.get("action")
    try:
        if action == "accept":
            services.accept_submission(request.user, submission)
            messages.success(request, _("รับรายงานแล้ว"))
        elif action == "return":
            services.return_submission(
                request.user, submission, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("ส่งรายงานกลับให้หน่วยงานแก้ไขแล้ว"))
        else:
            messages.error(request, _("ไม่รู้จักคำสั่งนี้"))
    except ValidationError as error:
        _errors(request, error)
    return redirect("parentbody_admin:submission", submission.pk)


def attachment_download(request, pk):
    attachment = Attachment.objects.select_related("submission__agency").filter(pk=pk).first()
    if attachment is None or not permissions.can_see_submission(
        request.user, attachment.submission
    ):
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def submission_pdf(request, pk):
    submission = _visible_submission(request, pk)
    if not submission.pdf:
        raise Http404
    response = HttpResponse(bytes(submission.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="submission-{submission.pk}.pdf"'
    return response


def _reporter_agency(request) -> MemberAgency:
    agency = permissions.reporter_agency(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def my_reports(request):
    agency = _reporter_agency(request)
    rounds = selectors.open_rounds_for(agency)
    mine = {s.round_id: s for s in agency.submissions.all()}
    return TemplateResponse(
        request,
        "parentbody/my_reports.html",
        {"agency": agency, "rounds": [(r, mine.get(r.pk)) for r in rounds]},
    )


def report_form(request, round_pk):
    agency = _reporter_agency(request)
    round_ = agency.rounds.filter(pk=round_pk).first()
    if round_ is None:
        raise Http404
    submission = Submission.objects.filter(round=round_, agency=agency).first()
    answers = submission.answers if submission else {}
    form = SubmissionForm(request.POST or None, round_=round_, initial_answers=answers)
    if request.method == "POST":
        if form.is_valid():
            files = request.FILES.getlist("attachments")
            action = (
                services.submit if request.POST.get("action") == "submit" else services.save_draft
            )
            try:
                submission = action(
                    request.user, round_, agency, answers=form.answers(), files=files
                )
            except ValidationError as error:
                _errors(request, error)
            else:
                if submission.is_editable:
                    messages.success(request, _("บันทึกฉบับร่างแล้ว"))
                else:
                    messages.success(
                        request,
                        _("ส่งรายงานแล้ว (ส่งหลังกำหนด)") if submission.is_late else _("ส่งรายงานแล้ว"),
                    )
                return redirect("parentbody_admin:form", round_.pk)
        else:
            messages.error(request, _("กรุณาตรวจสอบข้อมูลที่ไม่ถูกต้อง"))
    return TemplateResponse(
        request,
        "parentbody/form.html",
        {
            "agency": agency,
            "round": round_,
            "form": form,
            "submission": submission,
            "editable": submission is None or submission.is_editable,
        },
    )


def agency_access(request, pk):
    """Tokens and reporters of one member agency; a new token is shown once, here."""
    _coordinator(request)
    agency = get_object_or_404(MemberAgency, pk=pk)
    new_token = None
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "issue":
                new_token = tokens.issue_token(request.user, agency)
            elif action == "rotate":
                new_token = tokens.rotate_token(request.user, agency)
            elif action == "revoke":
                token = get_object_or_404(ApiToken, pk=request.POST.get("token"), agency=agency)
                tokens.revoke_token(request.user, token)
                messages.success(request, _("ยกเลิกกุญแจแล้ว"))
            elif action == "reporter":
                form = ReporterForm(request.POST)
                person = None
                if form.is_valid():
                    person = (
                        get_user_model()
                        .objects.filter(username=form.cleaned_data["username"])
                        .first()
                    )
                if person is None:
                    messages.error(request, _("ไม่พบบัญชีผู้ใช้นี้"))
                else:
                    services.add_reporter(request.user, agency, person)
                    messages.success(request, _("เพิ่มผู้รายงานแล้ว"))
        except ValidationError as error:
            _errors(request, error)
    return TemplateResponse(
        request,
        "parentbody/agency_access.html",
        {
            "agency": agency,
            "tokens": agency.tokens.all(),
            "new_token": new_token,
            "reporters": agency.reporters.select_related("user"),
            "reporter_form": ReporterForm(),
            "calls": ApiCall.objects.filter(token__agency=agency).select_related("token")[:30],
        },
    )


def round_export(request, pk, fmt):
    _coordinator(request)
    round_ = get_object_or_404(ReportingRound, pk=pk)
    if fmt == "pdf":
        response = HttpResponse(round_pdf(round_), content_type="application/pdf")
    else:
        response = HttpResponse(round_xlsx(round_), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="round-{round_.pk}.{fmt}"'
    return response
