"""Monitoring's own contributions to the daily check registry (R30–R33)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core.dailycheck import Finding, register
from prongsai.core.thaidate import thai_date, thai_datetime

from .conf import min_webmasters
from .jobrunner import missed_runs
from .linkcheck import broken_links, refused_links
from .models import LinkCheckResult
from .reviews import overdue_reviews
from .windows import expired_but_reachable


def _edit_url(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


@register("monitoring-internal-links", title="ลิงก์ภายในเสียและลิงก์ไปยังเอกสารที่ไม่มีอยู่")
def internal_links(*, today) -> list[Finding]:
    return [
        Finding(
            summary=_("“%(page)s” ลิงก์ไปยัง %(target)s") % {"page": r.page.title, "target": r.target},
            detail=r.status,
            url=_edit_url(r.page_id),
        )
        for r in broken_links([LinkCheckResult.Kind.INTERNAL, LinkCheckResult.Kind.DOCUMENT])
    ]


@register("monitoring-external-links", title="ลิงก์ภายนอกที่ใช้งานไม่ได้")
def external_links(*, today) -> list[Finding]:
    return [
        Finding(
            summary=_("“%(page)s” ลิงก์ไปยัง %(target)s") % {"page": r.page.title, "target": r.target},
            detail=r.status,
            url=_edit_url(r.page_id),
            severity="warning",
        )
        for r in broken_links([LinkCheckResult.Kind.EXTERNAL])
    ]


@register("monitoring-refused-links", title="ลิงก์ที่ไม่ตรวจเพราะชี้ไปยังที่อยู่ภายใน")
def internal_address_links(*, today) -> list[Finding]:
    """Links to loopback, private or link-local addresses: the checker never requests them
    (ADR 0250); a webmaster decides whether such a link belongs on a public page."""
    return [
        Finding(
            summary=_("“%(page)s” ลิงก์ไปยัง %(target)s") % {"page": r.page.title, "target": r.target},
            detail=r.status,
            url=_edit_url(r.page_id),
            severity="warning",
        )
        for r in refused_links()
    ]


@register("monitoring-expired-reachable", title="รายการหมดระยะเผยแพร่แต่ยังเข้าถึงได้")
def expired_reachable(*, today) -> list[Finding]:
    return [
        Finding(
            summary=page.title,
            detail=_("หมดระยะเผยแพร่ตั้งแต่ %(when)s") % {"when": thai_datetime(page.expire_at)},
            url=_edit_url(page.pk),
        )
        for page in expired_but_reachable()
    ]


@register("monitoring-missed-runs", title="งานตามกำหนดเวลาที่ไม่ได้ทำงาน")
def missed_periodic_runs(*, today) -> list[Finding]:
    findings = []
    for missed in missed_runs():
        if missed.last_success is None:
            detail = _("ยังไม่เคยทำงานสำเร็จ")
        else:
            detail = _("ทำงานสำเร็จครั้งล่าสุด %(when)s") % {
                "when": thai_datetime(missed.last_success.started)
            }
        if missed.last_failure is not None:
            detail += " — " + _("ข้อผิดพลาดล่าสุด: %(error)s") % {"error": missed.last_failure.error}
        findings.append(Finding(summary=missed.spec.title, detail=detail))
    return findings


@register("monitoring-reviews-overdue", title="รายการเลยกำหนดทบทวน")
def reviews_overdue(*, today) -> list[Finding]:
    return [
        Finding(
            summary=schedule.page.title,
            detail=_("ครบกำหนดทบทวนเมื่อ %(when)s") % {"when": thai_date(schedule.due_at)},
            url=_edit_url(schedule.page_id),
            severity="warning",
        )
        for schedule in overdue_reviews()
    ]


@register("monitoring-webmasters", title="จำนวนผู้ดูแลเว็บไซต์")
def webmaster_count(*, today) -> list[Finding]:
    count = users_with_role(Role.WEBMASTER).count()
    if count >= min_webmasters():
        return []
    return [
        Finding(
            summary=_("มีผู้ดูแลเว็บไซต์ที่ใช้งานอยู่ %(count)s คน น้อยกว่าขั้นต่ำ %(min)s คน")
            % {"count": count, "min": min_webmasters()},
            detail=_("กรุณามอบหมายบทบาทผู้ดูแลเว็บไซต์เพิ่มเติม เพื่อให้มีผู้ปฏิบัติงานแทนกันได้"),
        )
    ]
