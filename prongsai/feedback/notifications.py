"""E-mail to the asker (Thai), sent only after the database change has committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from prongsai.core.thaidate import thai_date


def _absolute(path: str) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return base.rstrip("/") + path


def notify_asker_answered(question_id: int) -> None:
    from .models import Question

    question = Question.objects.select_related("merged_into").get(pk=question_id)
    if not question.asker_email:
        return
    shown = question.merged_into or question
    link = _absolute(reverse("feedback:question", args=[shown.pk]))
    greeting = f"เรียน คุณ{question.asker_name}" if question.asker_name else "เรียน ผู้ถาม"
    body = "\n\n".join(
        [
            greeting,
            f"คำถามของท่านเรื่อง “{question.title}” ซึ่งส่งเมื่อ {thai_date(question.submitted_at)} "
            "ได้รับคำตอบและเผยแพร่บนเว็บไซต์แล้ว",
            f"คำตอบ:\n{shown.answer}",
            f"อ่านคำถามและคำตอบได้ที่ {link}",
            "หน่วยงานใช้อีเมลของท่านเพื่อแจ้งคำตอบนี้เท่านั้น และจะลบอีเมลออกจากระบบตามระยะเวลาที่แจ้งไว้",
        ]
    )
    send_mail(
        subject=f"คำตอบสำหรับคำถามของท่าน: {question.title}",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[question.asker_email],
    )
    Question.objects.filter(pk=question_id).update(asker_notified_at=timezone.now())
