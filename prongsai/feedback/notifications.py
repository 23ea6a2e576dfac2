"""E-mail to the asker (Thai), queued through core.notify once the database change commits."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core import notify
from prongsai.core.thaidate import thai_date


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mark_notified(question_id: int) -> None:
    """After-send step (core.notify): the asker was told."""
    from .models import Question

    Question.objects.filter(pk=question_id).update(asker_notified_at=timezone.now())


def notify_asker_answered(question_id: int) -> None:
    from .models import Question

    question = Question.objects.select_related("merged_into").get(pk=question_id)
    if not question.asker_email:
        return
    shown = question.merged_into or question
    link = _absolute(reverse("feedback:question", args=[shown.pk]))
    if question.asker_name:
        greeting = _("เรียน คุณ%(name)s") % {"name": question.asker_name}
    else:
        greeting = _("เรียน ผู้ถาม")
    lines = [
        greeting,
        _("คำถามของท่านเรื่อง “%(title)s” ซึ่งส่งเมื่อ %(date)s ได้รับคำตอบและเผยแพร่บนเว็บไซต์แล้ว")
        % {"title": question.title, "date": thai_date(question.submitted_at)},
        _("คำตอบ:\n%(answer)s") % {"answer": shown.answer},
        _("อ่านคำถามและคำตอบได้ที่ %(link)s") % {"link": link},
        _("หน่วยงานใช้อีเมลของท่านเพื่อแจ้งคำตอบนี้เท่านั้น และจะลบอีเมลออกจากระบบตามระยะเวลาที่แจ้งไว้"),
    ]
    notify.send_later(
        [question.asker_email],
        _("คำตอบสำหรับคำถามของท่าน: %(title)s") % {"title": question.title},
        ["\n\n".join(lines)],
        after=("prongsai.feedback.notifications.mark_notified", question.pk),
    )


def notify_asker_received(question_id: int) -> None:
    """The reference number and the tracking link, when the asker gave an e-mail (issue 19)."""
    from .models import Question

    question = Question.objects.get(pk=question_id)
    if not question.asker_email:
        return
    link = notify.public_url(reverse("feedback:track", args=[question.pk, question.tracking_token]))
    lines = [
        _("ได้รับคำถามของท่านเรื่อง “%(title)s” แล้ว เลขที่คำถาม %(pk)s")
        % {"title": question.title, "pk": question.pk},
        _("กำหนดตอบภายในวันที่ %(date)s") % {"date": thai_date(question.due_date)},
        _("ติดตามคำถามได้ที่ %(link)s") % {"link": link},
    ]
    notify.send_later(
        [question.asker_email],
        _("ได้รับคำถามของท่านแล้ว เลขที่ %(pk)s") % {"pk": question.pk},
        ["\n\n".join(lines)],
    )
