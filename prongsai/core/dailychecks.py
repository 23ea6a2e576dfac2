"""Core's contribution to the daily check: e-mails that could not be sent (R32)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from .dailycheck import Finding, register
from .models import MailFailure
from .thaidate import thai_datetime


@register("core-mail-failures", title="อีเมลแจ้งเตือนที่ส่งไม่สำเร็จ")
def mail_failures(*, today) -> list[Finding]:
    since = timezone.now() - dt.timedelta(days=1)
    return [
        Finding(
            summary=_("“%(subject)s” ถึง %(recipients)s")
            % {
                "subject": failure.subject,
                "recipients": failure.recipients,
            },
            detail=_("ส่งไม่สำเร็จเมื่อ %(when)s หลังลอง %(n)s ครั้ง: %(error)s")
            % {
                "when": thai_datetime(failure.created_at),
                "n": failure.attempts,
                "error": failure.error,
            },
        )
        for failure in MailFailure.objects.filter(created_at__gte=since)
    ]
