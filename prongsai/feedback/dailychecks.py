"""Daily check (R32): questions on the Q&A board past their response deadline (R9)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import Finding, register
from prongsai.core.thaidate import thai_date

from .selectors import overdue_questions


@register("qa-overdue", title="คำถามในกระดานถาม-ตอบที่เกินกำหนดตอบ")
def overdue_qa_questions(*, today) -> list[Finding]:
    return [
        Finding(
            summary=_("คำถามเลขที่ %(pk)s เกินกำหนดตอบ (%(due)s)")
            % {"pk": question.pk, "due": thai_date(question.due_date)},
            detail=question.title,
            url=reverse("feedback_question_moderate", args=[question.pk]),
        )
        for question in overdue_questions(today)
    ]
