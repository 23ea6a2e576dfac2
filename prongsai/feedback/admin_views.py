"""Staff views: moderating the Q&A board (R9) and the survey results (R10)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.analytics.periods import PeriodForm
from prongsai.core.tabular import xlsx_download
from prongsai.core.thaidate import fiscal_year, fiscal_year_bounds, thai_datetime

from . import selectors, services
from .forms import MergeForm, ModerationForm, RejectForm
from .models import Question, SurveyQuestion
from .permissions import can_moderate, can_see_reports


def _moderator_only(request):
    if not can_moderate(request.user):
        raise PermissionDenied


def question_queue(request):
    _moderator_only(request)
    status = request.GET.get("status", Question.Status.PENDING)
    if status not in Question.Status.values and status != "":
        status = Question.Status.PENDING
    context = {
        "page_title": _("กระดานถาม-ตอบ: ตรวจสอบและตอบคำถาม"),
        "header_icon": "help",
        "questions": selectors.moderation_queue(status)[:200],
        "status": status,
        "statuses": Question.Status.choices,
        "overdue": selectors.overdue_questions(),
        "today": timezone.localdate(),
    }
    return render(request, "feedback/admin/queue.html", context)


def _apply(form, error: ValidationError):
    for field, errors in getattr(error, "message_dict", {None: error.messages}).items():
        form.add_error(field if field in form.fields else None, errors)


def moderate_question(request, pk: int):
    _moderator_only(request)
    question = get_object_or_404(Question, pk=pk)
    initial = {
        "public_title": question.shown_title,
        "public_body": question.shown_body,
        "answer": question.answer,
    }
    form = ModerationForm(initial=initial)
    reject_form, merge_form = RejectForm(), MergeForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action in ("save", "publish"):
                form = ModerationForm(request.POST)
                if form.is_valid():
                    service = (
                        services.publish_answer
                        if action == "publish"
                        else services.save_moderation_draft
                    )
                    service(question, request.user, **form.cleaned_data)
                    messages.success(
                        request,
                        _("เผยแพร่คำถามและคำตอบแล้ว") if action == "publish" else _("บันทึกแล้ว"),
                    )
                    return redirect("feedback_question_queue")
            elif action == "reject":
                reject_form = RejectForm(request.POST)
                if reject_form.is_valid():
                    services.reject_question(
                        question, request.user, reason=reject_form.cleaned_data["reason"]
                    )
                    messages.success(request, _("ปิดคำถามโดยไม่เผยแพร่แล้ว"))
                    return redirect("feedback_question_queue")
            elif action == "merge":
                merge_form = MergeForm(request.POST)
                if merge_form.is_valid():
                    target = Question.objects.filter(pk=merge_form.cleaned_data["target"]).first()
                    if target is None:
                        merge_form.add_error("target", _("ไม่พบคำถามเลขที่นี้"))
                    else:
                        services.merge_duplicate(question, request.user, target=target)
                        messages.success(request, _("รวมกับคำถามหลักแล้ว"))
                        return redirect("feedback_question_queue")
        except ValidationError as error:
            target_form = {"reject": reject_form, "merge": merge_form}.get(action, form)
            _apply(target_form, error)
            question.refresh_from_db()
    context = {
        "page_title": _("คำถามเลขที่ %(pk)s") % {"pk": question.pk},
        "header_icon": "help",
        "question": question,
        "form": form,
        "reject_form": reject_form,
        "merge_form": merge_form,
        "today": timezone.localdate(),
    }
    return render(request, "feedback/admin/moderate.html", context, status=200)


def survey_report(request):
    if not can_see_reports(request.user):
        raise PermissionDenied
    form = PeriodForm(request.GET or None)
    if not (form.is_bound and form.is_valid() and form.cleaned_data.get("start")):
        start, end = fiscal_year_bounds(fiscal_year(timezone.localdate()))
        end = min(end, timezone.localdate())
    else:
        start, end = form.period()
    summary = selectors.satisfaction(start, end)
    if request.GET.get("format") == "xlsx":
        questions = list(SurveyQuestion.objects.all())
        rows = []
        for response in selectors.survey_responses(start, end):
            scores = {answer.question_id: answer.score for answer in response.answers.all()}
            rows.append(
                [
                    thai_datetime(response.submitted_at),
                    str(response.respondent_group or ""),
                    *[scores.get(q.pk, "") for q in questions],
                    response.comment,
                ]
            )
        return xlsx_download(
            f"satisfaction-{start}-{end}.xlsx",
            [
                (
                    "สรุป",
                    ["ข้อคำถาม", "คะแนนเฉลี่ย", "จำนวนคำตอบ"],
                    [
                        [row["question"].text, row["average"], row["count"]]
                        for row in summary["per_question"]
                    ]
                    + [["รวมทุกข้อ", summary["average"], summary["responses"]]],
                ),
                (
                    "คำตอบรายบุคคล",
                    ["วันที่ตอบ", "กลุ่มผู้ตอบ", *[q.text for q in questions], "ข้อเสนอแนะ"],
                    rows,
                ),
            ],
        )
    context = {
        "page_title": _("ผลการประเมินความพึงพอใจ"),
        "header_icon": "list-ul",
        "form": form,
        "summary": summary,
        "start": start,
        "end": end,
        "export_query": request.GET.urlencode(),
        "comments": selectors.survey_responses(start, end).exclude(comment="")[:100],
    }
    return render(request, "feedback/admin/survey_report.html", context)
