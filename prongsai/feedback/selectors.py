"""Reads for the survey results (R10) and the Q&A board (R9)."""

import datetime as dt

from django.db.models import Avg, Count, Max, Min, Q
from django.utils import timezone

from prongsai.core.thaidate import fiscal_year, fiscal_year_bounds, fiscal_year_label

from .models import Question, SurveyAnswer, SurveyQuestion, SurveyResponse


def _local_bounds(start: dt.date, end: dt.date):
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def satisfaction(start: dt.date, end: dt.date) -> dict:
    """Average (1–5), percent and distribution of every score given between two dates."""
    low, high = _local_bounds(start, end)
    answers = SurveyAnswer.objects.filter(
        response__submitted_at__gte=low, response__submitted_at__lt=high
    )
    overall = answers.aggregate(average=Avg("score"), count=Count("pk"))
    counts = dict(answers.values_list("score").annotate(n=Count("pk")).values_list("score", "n"))
    total = overall["count"] or 0
    distribution = [
        {
            "score": score,
            "count": counts.get(score, 0),
            "percent": round(counts.get(score, 0) * 100 / total, 1) if total else 0,
        }
        for score in (5, 4, 3, 2, 1)
    ]
    per_question = [
        {"question": question, "average": row["average"], "count": row["count"]}
        for question in SurveyQuestion.objects.all()
        for row in [
            answers.filter(question=question).aggregate(average=Avg("score"), count=Count("pk"))
        ]
        if question.is_active or row["count"]
    ]
    average = overall["average"]
    return {
        "start": start,
        "end": end,
        "responses": SurveyResponse.objects.filter(
            submitted_at__gte=low, submitted_at__lt=high
        ).count(),
        "average": round(average, 2) if average is not None else None,
        "percent": round(average * 20, 1) if average is not None else None,
        "distribution": distribution,
        "per_question": per_question,
    }


def current_fiscal_year_satisfaction(today: dt.date | None = None) -> dict:
    today = today or timezone.localdate()
    year = fiscal_year(today)
    start, end = fiscal_year_bounds(year)
    summary = satisfaction(start, min(end, today))
    summary["label"] = fiscal_year_label(year)
    return summary


def survey_responses(start: dt.date, end: dt.date):
    low, high = _local_bounds(start, end)
    return (
        SurveyResponse.objects.filter(submitted_at__gte=low, submitted_at__lt=high)
        .select_related("respondent_group")
        .prefetch_related("answers")
        .order_by("submitted_at")
    )


def published_questions(query: str = ""):
    questions = Question.objects.filter(status=Question.Status.PUBLISHED)
    if query:
        questions = questions.filter(
            Q(public_title__icontains=query)
            | Q(public_body__icontains=query)
            | Q(answer__icontains=query)
        )
    return questions.order_by("-published_at")


def board_metadata() -> dict:
    """R12 for the Q&A board: the period its published questions cover and its last update."""
    return Question.objects.filter(status=Question.Status.PUBLISHED).aggregate(
        first_asked=Min("submitted_at"),
        last_answered=Max("answered_at"),
        last_published=Max("published_at"),
    )


def answer_owner(question) -> str:
    """The unit of the officer who answered (R12 owner); empty when not known."""
    user = question.answered_by
    unit = getattr(user, "unit", None) if user else None
    return unit.name if unit else ""


def moderation_queue(status: str = Question.Status.PENDING):
    questions = Question.objects.all()
    if status:
        questions = questions.filter(status=status)
    return questions.order_by("due_date", "submitted_at")


def overdue_questions(today: dt.date | None = None):
    today = today or timezone.localdate()
    return Question.objects.filter(status=Question.Status.PENDING, due_date__lt=today).order_by(
        "due_date"
    )


def question_for_tracking(pk: int, token: str):
    import hmac

    question = Question.objects.filter(pk=pk).first()
    if question is None or not hmac.compare_digest(
        question.tracking_token.encode(), (token or "").encode()
    ):
        return None
    return question
