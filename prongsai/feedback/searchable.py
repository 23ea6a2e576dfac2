"""Answered questions in the public site search (issue 19 item 6, ADR 0271)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.sitesearch import SearchItem, SearchSource, register


def public_questions(site=None):
    """Questions the public sees: published with an answer (the board is the same on every
    site of the installation)."""
    from .models import Question

    return Question.objects.filter(status=Question.Status.PUBLISHED).exclude(answer="")


def describe(question) -> SearchItem:
    published = question.published_at or question.answered_at
    return SearchItem(
        title=question.shown_title,
        url=reverse("feedback:question", args=[question.pk]),
        text=f"{question.shown_body} {question.answer}",
        date=timezone.localdate(published) if published else None,
    )


def register_search_source() -> None:
    register(
        SearchSource(
            kind="question",
            label=_("กระดานถาม-ตอบ"),
            visible=public_questions,
            describe=describe,
        )
    )
