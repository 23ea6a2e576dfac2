"""The province's API: an agency running Prongsai pushes its approved round report (R36).

POST /api/parentbody/v1/reports/ with the headers of ``tokens.signed_headers``. Every call is
recorded (``ApiCall``) with the token that sent it; a refusal is a 4xx with a Thai message,
never a 500. Sending the same report UUID twice stores it once (200 on the repeat).
"""

import base64
import binascii
import hashlib
import json
import time
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prongsai.core.clientip import client_ip

from . import services, tokens, uploads
from .models import ApiCall, ApiToken, ReportingRound

#: The agency's own reporting round -> the province's round kind it answers.
ROUND_KINDS = {"r6": "r6", "h1": "r6", "q2": "r6", "r12": "r12", "h2": "r12", "q4": "r12"}


def max_body_bytes() -> int:
    return getattr(settings, "PRONGSAI_PARENTBODY_MAX_BODY_BYTES", 15 * 1024 * 1024)


class Refusal(Exception):
    def __init__(self, status: int, outcome: str, message: str):
        super().__init__(message)
        self.status, self.outcome, self.message = status, outcome, message


def _read_body(request) -> bytes:
    limit = max_body_bytes()
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise Refusal(413, "too_large", _("ข้อมูลที่ส่งมีขนาดเกิน %(n)d ไบต์") % {"n": limit})
    body = request.read(limit + 1)
    if len(body) > limit:
        raise Refusal(413, "too_large", _("ข้อมูลที่ส่งมีขนาดเกิน %(n)d ไบต์") % {"n": limit})
    return body


def _authenticate(request, body: bytes, call: ApiCall) -> ApiToken:
    key_id = request.headers.get(tokens.KEY_HEADER, "")[:64]
    call.key_id = key_id
    token = (
        ApiToken.objects.select_related("agency").filter(key_id=key_id).first() if key_id else None
    )
    forbidden = _("กุญแจ API ไม่ถูกต้องหรือถูกยกเลิกแล้ว")
    if token is None:
        raise Refusal(403, "unknown_token", forbidden)
    call.token = token
    if not token.is_active:
        raise Refusal(403, "revoked_token", forbidden)
    stamp = request.headers.get(tokens.TIMESTAMP_HEADER, "")
    try:
        age = abs(time.time() - int(stamp))
    except ValueError:
        age = None
    if age is None or age > tokens.REPLAY_WINDOW_SECONDS:
        raise Refusal(403, "stale", _("เวลาที่ลงนามคำขอไม่อยู่ในช่วงที่รับได้ กรุณาตรวจสอบนาฬิกาของเครื่อง"))
    if not tokens.verify(token, stamp, request.headers.get(tokens.SIGNATURE_HEADER, ""), body):
        raise Refusal(403, "bad_signature", forbidden)
    return token


def _text(value, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refusal(400, "invalid", _("ช่อง %(name)s ต้องเป็นข้อความ") % {"name": name})
    return value


def _parse(body: bytes) -> dict:
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Refusal(400, "malformed", _("ข้อมูลไม่ใช่ JSON ที่ถูกต้อง")) from None
    if not isinstance(data, dict):
        raise Refusal(400, "malformed", _("ข้อมูลต้องเป็นออบเจ็กต์ JSON"))
    return data


def _payload(data: dict, call: ApiCall) -> dict:
    try:
        report_uuid = uuid.UUID(str(data.get("report_uuid", "")))
    except ValueError:
        raise Refusal(400, "invalid", _("ไม่มีรหัสรายงาน (report_uuid) หรือรหัสไม่ถูกต้อง")) from None
    call.report_uuid = str(report_uuid)
    kind = ROUND_KINDS.get(str(data.get("round", "")))
    fiscal_year = data.get("fiscal_year")
    if kind is None or not isinstance(fiscal_year, int):
        raise Refusal(400, "invalid", _("ต้องระบุปีงบประมาณ (fiscal_year) และรอบ (round) ของรายงาน"))
    written = data.get("written") or {}
    figures = data.get("figures") or {}
    if not isinstance(written, dict) or not isinstance(figures, dict):
        raise Refusal(400, "invalid", _("ช่อง written และ figures ต้องเป็นออบเจ็กต์"))
    pdf = None
    if data.get("pdf"):
        try:
            pdf = base64.b64decode(_text(data["pdf"], "pdf"), validate=True)
        except (binascii.Error, ValueError):
            raise Refusal(400, "invalid", _("ไฟล์ PDF ไม่ได้เข้ารหัส base64 อย่างถูกต้อง")) from None
        try:
            # By content, like every upload (ADR 0150): a prefix is no proof of a harmless PDF.
            uploads.check_pushed_pdf(pdf)
        except ValidationError as error:
            raise Refusal(
                400,
                "refused_file",
                _("ไฟล์ PDF ของรายงานไม่ผ่านการตรวจความปลอดภัย: %(reason)s")
                % {"reason": " ".join(error.messages)},
            ) from None
    answers = {name: _text(written.get(name), name) for name in services.TEXT_FIELDS}
    answers.update(
        head_name=_text(data.get("approved_by"), "approved_by"),
        head_position=_("ผู้อนุมัติรายงานของหน่วยงาน"),
        period_label=_text(data.get("period_label"), "period_label"),
        approved_at=_text(data.get("approved_at"), "approved_at"),
        figures=figures,
        urls=[u for u in data.get("urls") or [] if isinstance(u, str)][:200],
    )
    return {
        "uuid": report_uuid,
        "kind": kind,
        "fiscal_year": fiscal_year,
        "answers": answers,
        "pdf": pdf,
    }


def _round(token, payload) -> ReportingRound:
    round_ = (
        ReportingRound.objects.filter(
            fiscal_year=payload["fiscal_year"], kind=payload["kind"], agencies=token.agency
        )
        .order_by("-opens_on")
        .first()
    )
    if round_ is None:
        raise Refusal(422, "no_round", _("จังหวัดไม่มีรอบการรายงานที่ตรงกับรายงานนี้สำหรับหน่วยงานของท่าน"))
    return round_


def _handle(request, call: ApiCall) -> JsonResponse:
    body = _read_body(request)
    call.body_sha256 = hashlib.sha256(body).hexdigest()
    token = _authenticate(request, body, call)
    payload = _payload(_parse(body), call)
    round_ = _round(token, payload)
    try:
        submission, created = services.receive_pushed(
            token,
            round_,
            report_uuid=payload["uuid"],
            answers=payload["answers"],
            pdf=payload["pdf"],
        )
    except ValidationError as error:
        raise Refusal(409, "refused", " ".join(error.messages)) from None
    call.submission = submission
    call.status_code = 201 if created else 200
    call.outcome = "stored" if created else "duplicate"
    call.message = _("รับรายงานแล้ว") if created else _("ได้รับรายงานนี้แล้ว ไม่บันทึกซ้ำ")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return JsonResponse(
        {
            "ok": True,
            "duplicate": not created,
            "submission": submission.pk,
            "status": submission.status,
            "late": submission.is_late,
            "message": call.message,
        },
        status=call.status_code,
    )


@csrf_exempt  # machine-to-machine: authenticated by the HMAC signature, not a session cookie
@require_POST
def receive_report(request):
    call = ApiCall(remote_addr=client_ip(request) or None)
    try:
        response = _handle(request, call)
    except Refusal as refusal:
        call.status_code, call.outcome, call.message = (
            refusal.status,
            refusal.outcome,
            refusal.message,
        )
        response = JsonResponse({"ok": False, "message": refusal.message}, status=refusal.status)
    call.save()
    return response
