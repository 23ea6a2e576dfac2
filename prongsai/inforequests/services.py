"""State changes of information requests (R16): one function each, with the permission check,
the audit entry and the e-mails sent only after the change has committed."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log
from prongsai.core.thaidate import buddhist_year, fiscal_year
from prongsai.filecheck.names import display_name
from prongsai.filecheck.policy import ATTACHMENT, UploadPolicy
from prongsai.filecheck.services import checked_upload
from prongsai.policy.selectors import policy_for

from . import notifications
from .models import InfoRequest, InfoRequestEvent
from .permissions import require_info_request_handler


def response_days() -> int:
    """Calendar days the agency gives itself to answer (its policy; at most the Official
    Information Commission's 15 days, counted in calendar days, the stricter reading)."""
    return policy_for().info_request_response_days


DECISIONS = (
    InfoRequest.Status.PROVIDED,
    InfoRequest.Status.PARTLY_PROVIDED,
    InfoRequest.Status.REFUSED,
    InfoRequest.Status.NOT_HELD,
    InfoRequest.Status.TRANSFERRED,
)
#: A decision that withholds anything must say why (OIA s.14, s.15, s.11 para. 2).
NEEDS_REASON = (
    InfoRequest.Status.PARTLY_PROVIDED,
    InfoRequest.Status.REFUSED,
    InfoRequest.Status.NOT_HELD,
    InfoRequest.Status.TRANSFERRED,
)


#: What a citizen may attach: a letter or a copy of a document that helps identify the
#: information asked for. PDF, Word (and OpenDocument text) and images; no spreadsheets or
#: archives, which nobody needs to say what they are asking for.
CITIZEN_ATTACHMENT_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "odt", "jpg", "jpeg", "png", "gif", "webp"}
)


def attachment_policy() -> UploadPolicy:
    """The site's attachment policy (sizes, and the kinds the agency accepts) narrowed to what a
    citizen may attach to an information request."""
    policy = UploadPolicy.for_site()
    accepted = set(policy.allowed_extensions(ATTACHMENT)) & CITIZEN_ATTACHMENT_EXTENSIONS
    return policy.narrowed(ATTACHMENT, accepted)


def _checked_attachment(uploaded):
    """The file to store (an image re-encoded without its metadata), or the Thai refusal."""
    try:
        return checked_upload(uploaded, ATTACHMENT, policy=attachment_policy())
    except ValidationError as refusal:
        raise ValidationError({"attachment": refusal.messages}) from refusal


def _store_attachment(info_request: InfoRequest, uploaded) -> None:
    name = display_name(uploaded.name)[:255]
    info_request.attachment.save(name, uploaded, save=False)
    info_request.attachment_name = name
    info_request.attachment_size = info_request.attachment.size
    info_request.save(update_fields=["attachment", "attachment_name", "attachment_size"])


def _discard_stored(info_request: InfoRequest | None) -> None:
    """A file written for a request whose transaction did not commit would stay on disk with
    nothing pointing at it: remove it."""
    if info_request is not None and info_request.attachment:
        info_request.attachment.delete(save=False)


def _next_reference(now: dt.datetime) -> str:
    year = buddhist_year(dt.date(fiscal_year(timezone.localtime(now)), 1, 1))
    prefix = f"IR{year}-"
    # The highest number so far, not a count: a deleted request must not make numbers repeat.
    last = (
        InfoRequest.objects.filter(reference__startswith=prefix)
        .order_by("-reference")
        .values_list("reference", flat=True)
        .first()
    )
    return f"{prefix}{int(last.removeprefix(prefix)) + 1 if last else 1:05d}"


def submit_info_request(
    *,
    requester_name: str,
    subject: str,
    details: str = "",
    requester_email: str = "",
    requester_phone: str = "",
    requester_address: str = "",
    preferred_format: str = InfoRequest.Format.ELECTRONIC,
    attachment=None,
) -> InfoRequest:
    """A citizen's request, with at most one attachment checked by its content; a refused
    request or file leaves nothing behind (no request, no file)."""
    errors = {}
    if not (requester_email or requester_phone or requester_address):
        errors["requester_email"] = _(
            "กรุณาให้ช่องทางติดต่ออย่างน้อยหนึ่งช่องทาง (อีเมล โทรศัพท์ หรือที่อยู่) เพื่อให้หน่วยงานแจ้งผลคำขอได้"
        )
    if attachment is not None:
        try:
            attachment = _checked_attachment(attachment)
        except ValidationError as refusal:
            errors.update(refusal.message_dict)
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    due_date = timezone.localdate(now) + dt.timedelta(days=response_days())
    for _attempt in range(5):  # two requests in the same instant may draw the same number
        info_request = None
        try:
            with transaction.atomic():
                info_request = InfoRequest(
                    reference=_next_reference(now),
                    requester_name=requester_name,
                    requester_email=requester_email,
                    requester_phone=requester_phone,
                    requester_address=requester_address,
                    subject=subject,
                    details=details,
                    preferred_format=preferred_format,
                    submitted_at=now,
                    due_date=due_date,
                )
                info_request.full_clean()
                info_request.save()
                InfoRequestEvent.objects.create(
                    info_request=info_request, at=now, status=info_request.status
                )
                log(instance=info_request, action="prongsai.inforequest.submit")
                transaction.on_commit(lambda pk=info_request.pk: notifications.received(pk))
                # Last, once the reference is ours: the stored name carries it.
                if attachment is not None:
                    _store_attachment(info_request, attachment)
                return info_request
        except IntegrityError:
            _discard_stored(info_request)
            continue
        except BaseException:
            _discard_stored(info_request)
            raise
    raise ValidationError(_("ระบบรับคำขอไม่สำเร็จ กรุณาลองใหม่อีกครั้ง"))


@transaction.atomic
def start_processing(info_request: InfoRequest, user, note: str = "") -> InfoRequest:
    require_info_request_handler(user)
    if info_request.status != InfoRequest.Status.RECEIVED:
        raise ValidationError(_("คำขอนี้ไม่ได้อยู่ในสถานะรับคำขอแล้ว"))
    info_request.status = InfoRequest.Status.IN_PROGRESS
    info_request.save(update_fields=["status"])
    InfoRequestEvent.objects.create(
        info_request=info_request,
        at=timezone.now(),
        status=info_request.status,
        note=note,
        user=user,
    )
    log(instance=info_request, action="prongsai.inforequest.start", user=user)
    return info_request


@transaction.atomic
def record_decision(info_request: InfoRequest, user, *, status: str, reason: str) -> InfoRequest:
    """The agency's answer: disclosed, disclosed in part, refused, not held or transferred."""
    require_info_request_handler(user)
    info_request = InfoRequest.objects.select_for_update().get(pk=info_request.pk)
    if not info_request.is_open:
        raise ValidationError(_("คำขอนี้แจ้งผลไปแล้ว แก้ไขผลไม่ได้"))
    if status not in DECISIONS:
        raise ValidationError({"status": _("กรุณาเลือกผลการพิจารณา")})
    reason = (reason or "").strip()
    if status in NEEDS_REASON and not reason:
        raise ValidationError(
            {"reason": _("ต้องระบุเหตุผลและมาตราของกฎหมายที่ใช้ เมื่อไม่เปิดเผยข้อมูลทั้งหมดหรือส่งต่อคำขอ")}
        )
    now = timezone.now()
    info_request.status = status
    info_request.decision_reason = reason
    info_request.decided_by = user
    info_request.decided_at = now
    info_request.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    InfoRequestEvent.objects.create(
        info_request=info_request, at=now, status=status, note=reason, user=user
    )
    log(instance=info_request, action="prongsai.inforequest.decide", user=user)
    transaction.on_commit(lambda pk=info_request.pk: notifications.decided(pk))
    return info_request
