"""Front-cache purges that gave up, on the webmasters' daily check (R32)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.dailycheck import Finding, register

from .services import enabled, failures_since


@register("front-cache-purge", title="การล้างแคชหน้าเว็บสาธารณะ")
def purge_failures(*, today) -> list[Finding]:
    if not enabled():
        return []
    failed = failures_since(timezone.now() - dt.timedelta(days=1))
    if not failed:
        return []
    urls = sum(item.get("count", 0) for item in failed)
    last = failed[-1]
    return [
        Finding(
            summary=_("ล้างแคชหน้าเว็บไม่สำเร็จ %(times)d ครั้ง (%(urls)d ที่อยู่) ใน 24 ชั่วโมง")
            % {"times": len(failed), "urls": urls},
            detail=_(
                "ผู้เยี่ยมชมอาจเห็นหน้าเดิมจนกว่าอายุแคชของหน้าจะหมด (ไม่เกินกำหนดสิ้นสุดการเผยแพร่) "
                "ตรวจว่า nginx ทำงานและมีโมดูล cache-purge; ข้อผิดพลาดล่าสุด: %(error)s"
            )
            % {"error": last.get("error", "")},
            severity="warning",
        )
    ]
