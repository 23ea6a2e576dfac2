"""The request form as a printable A4 PDF (R26): the evidence assessors ask for."""

from urllib.parse import unquote

from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Site

from prongsai.core.models import AgencySettings
from prongsai.core.pdf import PDF_FONT_FAMILY, font_face_css
from prongsai.core.thaidate import thai_date, thai_datetime

from .models import Action


def _agency_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return AgencySettings.for_site(site).name_th


def _approver(publish_request, decisions, verbal):
    """Who signs as the approver: the verbal approver, or the last step's approver in the
    system; for a prior approval or an exempt class, nobody in the system (what applies)."""
    if verbal is not None:
        return verbal.approver, ""
    approvals = [d for d in decisions if d.action == Action.APPROVED]
    last = approvals[-1] if approvals else None
    if last is not None and last.channel == "prior":
        return None, f"ตามหนังสือเลขที่ {publish_request.prior_approval_number}"
    if last is not None and last.channel == "exempt":
        return None, "ยกเว้นตามแนวปฏิบัติ"
    if last is not None and last.actor is not None:
        return last.actor, ""
    return None, ".............................................."


def form_context(publish_request) -> dict:
    events = list(publish_request.events.select_related("actor"))
    decisions = [
        event
        for event in events
        if event.action
        in (Action.APPROVED, Action.REJECTED, Action.RETURNED, Action.VERBAL_RECORDED)
    ]
    published = next(
        (event for event in reversed(events) if event.action == Action.PUBLISHED), None
    )
    verbal = publish_request.verbal_approval_or_none()
    approver, approver_note = _approver(publish_request, decisions, verbal)
    return {
        "approver": approver,
        "approver_note": approver_note,
        "r": publish_request,
        "agency": _agency_name(),
        "events": events,
        "decisions": decisions,
        "published_event": published,
        # Thai slugs are shown as readable Thai (the address a browser shows), not %-escapes.
        "public_url": unquote(publish_request.public_url),
        "verbal": verbal,
        "attachments": list(publish_request.attachments.all()),
        "printed_at": thai_datetime(timezone.now()),
        "thai_date": thai_date,
        "font_css": font_face_css(),
        "font_family": PDF_FONT_FAMILY,
    }


def render_request_html(publish_request) -> str:
    return render_to_string("publishing/request_form_pdf.html", form_context(publish_request))


def render_request_pdf(publish_request) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_request_html(publish_request)).write_pdf()


def direct_statement(record) -> str:
    """What the record of a page published without a request says (docs/adr/0080)."""
    who = record.user.display_name() if record.user else "-"
    if record.allowed:
        return (
            f"เผยแพร่โดยตรงโดย {who}, ประเภท {record.information_class.name},"
            " ยกเว้นตามแนวปฏิบัติของหน่วยงาน"
        )
    return (
        f"เผยแพร่โดยตรงโดย {who} โดยไม่มีคำขอเผยแพร่"
        " และนโยบายของหน่วยงานไม่ได้ยกเว้น (ไม่นับเป็นหลักฐานการประเมิน)"
    )


def render_direct_pdf(record) -> bytes:
    from weasyprint import HTML

    page = record.page.specific
    html = render_to_string(
        "publishing/direct_form_pdf.html",
        {
            "d": record,
            "page": page,
            "statement": direct_statement(record),
            "category": record.get_category_display(),
            "public_url": unquote(page.full_url or ""),
            "agency": _agency_name(),
            "printed_at": thai_datetime(timezone.now()),
            "font_css": font_face_css(),
            "font_family": PDF_FONT_FAMILY,
        },
    )
    return HTML(string=html).write_pdf()
