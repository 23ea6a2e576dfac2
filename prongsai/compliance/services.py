"""State changes: naming evidence for an item, marking it not applicable, recording new gaps."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from .models import EvidenceLink, KnownGap, NotApplicable
from .permissions import check_editor


def link_evidence(*, user, item, site, page=None, document=None, note: str = "") -> EvidenceLink:
    """Name a page or a document as evidence for ``item``. An unpublished or expired target is
    kept (it may go live later) but never counted: the dashboard shows why."""
    check_editor(user)
    link = EvidenceLink(
        item=item,
        site=site,
        page=page,
        document=document,
        note=(note or "").strip(),
        created_by=user,
    )
    link.full_clean()
    if page is not None and not page.path.startswith(site.root_page.path):
        raise ValidationError({"page": _("หน้านี้ไม่อยู่ในเว็บไซต์ของหน่วยงาน ผู้ประเมินจะเปิดไม่พบ")})
    same = EvidenceLink.objects.filter(item=item, site=site, page=page, document=document)
    if same.exists():
        raise ValidationError(_("หน้าเว็บหรือเอกสารนี้เป็นหลักฐานของข้อนี้อยู่แล้ว"))
    with transaction.atomic():
        link.save()
        log(instance=link, action="wagtail.create", user=user)
    return link


def unlink_evidence(*, user, link: EvidenceLink) -> None:
    check_editor(user)
    with transaction.atomic():
        log(instance=link, action="wagtail.delete", user=user)
        link.delete()


def mark_not_applicable(*, user, item, site, reason: str) -> NotApplicable:
    check_editor(user)
    decision = NotApplicable.objects.filter(item=item, site=site).first() or NotApplicable(
        item=item, site=site
    )
    decision.reason = (reason or "").strip()
    decision.decided_by = user
    decision.full_clean()
    with transaction.atomic():
        decision.save()
        log(instance=decision, action="wagtail.edit", user=user, data={"reason": decision.reason})
    return decision


def clear_not_applicable(*, user, item, site) -> None:
    check_editor(user)
    with transaction.atomic():
        for decision in NotApplicable.objects.filter(item=item, site=site):
            log(instance=decision, action="wagtail.delete", user=user)
            decision.delete()


def record_gaps(report) -> list:
    """Remember the report's gaps; return those not seen by an earlier check (newest news)."""
    current = {result.item.pk: result for result in report.gaps}
    with transaction.atomic():
        known = {
            gap.item_id: gap
            for gap in KnownGap.objects.select_for_update().filter(
                site=report.site, item__catalogue=report.catalogue
            )
        }
        new = [
            result
            for pk, result in current.items()
            if pk not in known or known[pk].status != result.status
        ]
        KnownGap.objects.filter(
            pk__in=[gap.pk for pk, gap in known.items() if pk not in current]
        ).delete()
        for result in new:
            KnownGap.objects.update_or_create(
                item=result.item,
                site=report.site,
                defaults={"status": result.status, "first_seen": report.today},
            )
    return new
