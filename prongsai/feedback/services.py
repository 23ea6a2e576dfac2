"""State changes of the survey (R10) and the Q&A board (R9): one function each.

Each checks permission where staff act, validates fully (nothing stored on bad input),
writes Wagtail's audit log and sends e-mail only after commit.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from .deadlines import response_deadline
from .models import Question, SurveyAnswer, SurveyResponse
from .notifications import notify_asker_answered, notify_asker_received
from .permissions import require_moderator


@transaction.atomic
def submit_survey(*, scores: dict, respondent_group=None, comment: str = "") -> SurveyResponse:
    if not scores:
        raise ValidationError(_("แบบประเมินยังไม่มีข้อคำถาม"))
    response = SurveyResponse(respondent_group=respondent_group, comment=comment)
    response.full_clean()
    response.save()
    for question, score in scores.items():
        answer = SurveyAnswer(response=response, question=question, score=score)
        answer.full_clean()
        answer.save()
    return response


def submit_question(
    *, title: str, body: str, asker_name: str = "", asker_email: str = "", consent: bool = False
) -> Question:
    if asker_email and not consent:
        raise ValidationError(
            {"email_consent": _("หากระบุอีเมล กรุณาให้ความยินยอมในการใช้อีเมลเพื่อแจ้งคำตอบ")}
        )
    now = timezone.now()
    # Read the holiday calendar before writing: keeps the write transaction short.
    due_date = response_deadline(timezone.localdate(now))
    with transaction.atomic():
        return _save_question(title, body, asker_name, asker_email, now, due_date)


def _save_question(title, body, asker_name, asker_email, now, due_date) -> Question:
    question = Question(
        title=title,
        body=body,
        asker_name=asker_name,
        asker_email=asker_email,
        email_consent_at=now if asker_email else None,
        submitted_at=now,
        due_date=due_date,
    )
    question.full_clean()
    question.save()
    notify_asker_received(question.pk)
    return question


def _editable(question: Question) -> None:
    if question.status in (Question.Status.REJECTED, Question.Status.MERGED):
        raise ValidationError(_("คำถามนี้ถูกปิดไปแล้ว แก้ไขไม่ได้"))


@transaction.atomic
def save_moderation_draft(question: Question, user, *, public_title, public_body, answer):
    """Edit the public version (e.g. hide personal data) and the answer without publishing."""
    require_moderator(user)
    _editable(question)
    question.public_title, question.public_body, question.answer = public_title, public_body, answer
    question.full_clean()
    question.save()
    log(instance=question, action="prongsai.qa.edit", user=user)
    return question


@transaction.atomic
def publish_answer(question: Question, user, *, public_title, public_body, answer) -> Question:
    require_moderator(user)
    _editable(question)
    if not (answer or "").strip():
        raise ValidationError({"answer": _("กรุณาเขียนคำตอบก่อนเผยแพร่")})
    now = timezone.now()
    first_publication = question.status != Question.Status.PUBLISHED
    question.public_title, question.public_body, question.answer = public_title, public_body, answer
    question.status = Question.Status.PUBLISHED
    question.answered_by = user
    question.answered_at = now
    question.published_at = question.published_at or now
    question.full_clean()
    question.save()
    log(instance=question, action="prongsai.qa.publish", user=user)
    if first_publication:
        ids = [question.pk, *question.duplicates.values_list("pk", flat=True)]
        for pk in ids:
            notify_asker_answered(pk)  # queued for after the commit
    return question


@transaction.atomic
def reject_question(question: Question, user, *, reason: str) -> Question:
    require_moderator(user)
    _editable(question)
    question.status = Question.Status.REJECTED
    question.rejection_reason = reason
    question.full_clean()
    question.save()
    log(instance=question, action="prongsai.qa.reject", user=user, data={"reason": reason})
    return question


@transaction.atomic
def merge_duplicate(question: Question, user, *, target: Question) -> Question:
    """Close ``question`` as a duplicate of ``target``; its asker hears when target is answered."""
    require_moderator(user)
    _editable(question)
    if target.pk == question.pk or target.status in (
        Question.Status.REJECTED,
        Question.Status.MERGED,
    ):
        raise ValidationError({"target": _("เลือกคำถามหลักที่ยังเปิดอยู่และไม่ใช่คำถามเดียวกัน")})
    question.status = Question.Status.MERGED
    question.merged_into = target
    question.save()
    log(instance=question, action="prongsai.qa.merge", user=user, data={"target": target.pk})
    if target.status == Question.Status.PUBLISHED:
        notify_asker_answered(question.pk)  # queued for after the commit
    return question


@transaction.atomic
def forget_expired_emails(*, retention_days: int) -> int:
    """PDPA: drop askers' e-mail addresses once the retention period after asking ends."""
    cutoff = timezone.now() - dt.timedelta(days=retention_days)
    closed = Question.objects.exclude(asker_email="").exclude(status=Question.Status.PENDING)
    expired = closed.filter(submitted_at__lt=cutoff)
    return expired.update(asker_email="")
