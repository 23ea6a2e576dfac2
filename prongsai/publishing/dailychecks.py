from django.urls import reverse

from prongsai.core.dailycheck import Finding, register
from prongsai.core.thaidate import thai_date

from . import selectors


@register("publishing-overdue", title="คำขอเผยแพร่ที่เกินกำหนด")
def overdue_publication(*, today) -> list[Finding]:
    return [
        Finding(
            summary=f"{r.number} {r.title}",
            detail=f"ครบกำหนดเผยแพร่ {thai_date(r.due_date)} ({r.unit})",
            url=reverse("publishing_admin:detail", args=[r.pk]),
        )
        for r in selectors.overdue_requests(today)
    ]


@register("publishing-verbal", title="อนุมัติด้วยวาจารอการยืนยัน")
def unconfirmed_verbal(*, today) -> list[Finding]:
    return [
        Finding(
            summary=f"{v.request.number} {v.request.title}",
            detail=f"{v.approver.display_name()} ยังไม่ยืนยัน (บันทึกเมื่อ {thai_date(v.recorded_at)})",
            url=reverse("publishing_admin:detail", args=[v.request_id]),
            severity="warning",
        )
        for v in selectors.unconfirmed_verbal_approvals(today)
    ]
