"""Public survey and Q&A board views: thin wrappers over forms, services and selectors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import ratelimit, selectors, services
from .challenge import new_challenge
from .forms import QuestionForm, SurveyForm
from .models import Question

SURVEY_SCOPE = "survey"
QUESTION_SCOPE = "question"


def _too_many(request):
    response = render(
        request,
        "feedback/too_many.html",
        {"message": _("ท่านส่งข้อมูลบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่อีกครั้ง")},
        status=429,
    )
    response["Retry-After"] = str(ratelimit.limits().window_seconds)
    return response


def _challenge_for(count: int):
    return new_challenge() if ratelimit.challenge_needed(count + 1) else None


def _guarded_post(request, scope: str, form_class):
    """Count the submission; returns (form, early_response)."""
    position = ratelimit.register_attempt(request, scope)
    if ratelimit.over_limit(position):
        return None, _too_many(request)
    challenge = new_challenge() if ratelimit.challenge_needed(position) else None
    form = form_class(request.POST, request.FILES, challenge=challenge)
    # If this post is refused and shown again, the next one may be the first to need the
    # challenge: show it now, or the visitor is refused once more for a question never seen.
    if challenge is None and ratelimit.challenge_needed(position + 1):
        form.shown_challenge = new_challenge()
    return form, None


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
def survey(request):
    if request.method == "POST":
        form, refused = _guarded_post(request, SURVEY_SCOPE, SurveyForm)
        if refused:
            return refused
        if form.is_valid():
            if form.is_honeypot_filled:
                return redirect("feedback:survey-thanks")
            try:
                services.submit_survey(
                    scores=form.scores(),
                    respondent_group=form.cleaned_data["respondent_group"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                return redirect("feedback:survey-thanks")
        status = 400
    else:
        count = ratelimit.attempts_so_far(request, SURVEY_SCOPE)
        form = SurveyForm(challenge=_challenge_for(count))
        status = 200
    context = {"form": form, "summary": selectors.current_fiscal_year_satisfaction()}
    return render(request, "feedback/survey.html", context, status=status)


def survey_thanks(request):
    summary = selectors.current_fiscal_year_satisfaction()
    return render(request, "feedback/survey_thanks.html", {"summary": summary})


def question_list(request):
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.published_questions(query), 10).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/question_list.html",
        {"page_obj": page, "query": query, "board": selectors.board_metadata()},
    )


def question_detail(request, pk: int):
    question = get_object_or_404(
        Question.objects.select_related("answered_by__unit"),
        pk=pk,
        status__in=[Question.Status.PUBLISHED, Question.Status.MERGED],
    )
    if question.status == Question.Status.MERGED:
        if question.merged_into and question.merged_into.status == Question.Status.PUBLISHED:
            return redirect("feedback:question", pk=question.merged_into.pk)
        return render(request, "feedback/question_pending.html", status=404)
    return render(
        request,
        "feedback/question_detail.html",
        {"question": question, "answer_owner": selectors.answer_owner(question)},
    )


@require_http_methods(["GET", "POST"])
def ask(request):
    if request.method == "POST":
        form, refused = _guarded_post(request, QUESTION_SCOPE, QuestionForm)
        if refused:
            return refused
        if form.is_valid():
            if form.is_honeypot_filled:
                return redirect("feedback:ask-sent")
            data = form.cleaned_data
            try:
                question = services.submit_question(
                    title=data["title"],
                    body=data["body"],
                    asker_name=data["asker_name"],
                    asker_email=data["asker_email"],
                    consent=data["email_consent"],
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                return redirect("feedback:track", question.pk, question.tracking_token)
        status = 400
    else:
        count = ratelimit.attempts_so_far(request, QUESTION_SCOPE)
        form = QuestionForm(challenge=_challenge_for(count))
        status = 200
    context = {"form": form, "retention_days": settings.PRONGSAI_QA_EMAIL_RETENTION_DAYS}
    return render(request, "feedback/ask.html", context, status=status)


def ask_sent(request):
    return render(request, "feedback/ask_sent.html")


def track(request, pk, token):
    """The asker's own page for a question: reference number, dates and where it stands, also
    before it is published. Only with the question's token; otherwise the same 404 as for a
    number that does not exist."""
    question = selectors.question_for_tracking(pk, token)
    if question is None:
        raise Http404
    response = render(request, "feedback/ask_sent.html", {"question": question})
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
