from django.urls import reverse
from django.utils import timezone

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


#: How long an allowed direct publication stays on the daily check (enough to see it at least once
#: across a long holiday); one no policy allowed stays until the page goes through a request.
DIRECT_VISIBLE_DAYS = 14


@register("publishing-direct", title="หน้าที่เผยแพร่โดยไม่มีคำขอ")
def published_without_request(*, today) -> list[Finding]:
    import datetime as dt

    from wagtail.models import Page

    from .direct import latest_direct
    from .models import DirectPublication

    today = today or timezone.localdate()
    since = today - dt.timedelta(days=DIRECT_VISIBLE_DAYS)
    latest = latest_direct(DirectPublication.objects.values_list("page_id", flat=True))
    live = dict(Page.objects.filter(pk__in=list(latest), live=True).values_list("pk", "title"))
    findings = []
    for page_id, record in sorted(latest.items(), key=lambda item: item[1].published_at):
        if page_id not in live:
            continue
        who = record.user.display_name() if record.user else "-"
        if record.allowed:
            if timezone.localdate(record.published_at) < since:
                continue
            detail = (
                f"เผยแพร่โดยตรงโดย {who} เมื่อ {thai_date(record.published_at)}"
                f" ประเภท {record.information_class.name} ยกเว้นตามแนวปฏิบัติของหน่วยงาน"
            )
            severity = "warning"
        else:
            detail = (
                f"เผยแพร่โดย {who} เมื่อ {thai_date(record.published_at)} โดยไม่มีคำขอ"
                " และนโยบายของหน่วยงานไม่ได้ยกเว้น ไม่นับเป็นหลักฐานการประเมิน"
            )
            severity = "error"
        findings.append(
            Finding(
                summary=live[page_id],
                detail=detail,
                url=reverse("wagtailadmin_pages:edit", args=[page_id]),
                severity=severity,
            )
        )
    return findings
