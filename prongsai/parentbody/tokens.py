"""API tokens of the member agencies and the request signature (ADR 0190).

A token as issued is ``<key id>.<secret>``, shown once to the province's coordinator, who gives
it to the agency. The province keeps only ``SHA-256(secret)``; both sides sign with that value
as the HMAC key, so the secret itself is stored nowhere on the province's side and is never
shown again. A request carries the key id, a Unix timestamp and
``HMAC-SHA256(key, "<timestamp>." + body)``; the province refuses timestamps outside the replay
window and stores a report UUID once, so a replayed push changes nothing.
"""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.audit import log

from . import permissions
from .models import ApiToken

KEY_HEADER = "X-Prongsai-Key"
TIMESTAMP_HEADER = "X-Prongsai-Timestamp"
SIGNATURE_HEADER = "X-Prongsai-Signature"
REPLAY_WINDOW_SECONDS = 300


def signing_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def sign(key: str, timestamp: str, body: bytes) -> str:
    return hmac.new(key.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def split_token(token: str) -> tuple[str, str]:
    key_id, _sep, secret = (token or "").partition(".")
    return key_id, secret


def signed_headers(token: str, body: bytes, now: float | None = None) -> dict:
    """The headers an agency's site adds to a push (sender.py)."""
    import time

    key_id, secret = split_token(token)
    timestamp = str(int(now if now is not None else time.time()))
    return {
        KEY_HEADER: key_id,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(signing_key(secret), timestamp, body),
        "Content-Type": "application/json",
    }


def verify(token: ApiToken, timestamp: str, signature: str, body: bytes) -> bool:
    expected = sign(token.secret_hash, timestamp, body)
    return hmac.compare_digest(expected, signature or "")


def _refuse(message):
    from django.core.exceptions import ValidationError

    raise ValidationError(message)


def issue_token(user, agency) -> str:
    """A new token for the agency; returns it in full, the only time it is ever visible."""
    if not permissions.is_coordinator(user):
        _refuse(_("เฉพาะผู้ประสานการรายงานของจังหวัดเท่านั้นที่ออกกุญแจ API ได้"))
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            agency=agency, key_id=key_id, secret_hash=signing_key(secret), created_by=user
        )
        log(
            instance=agency,
            action="prongsai.parentbody.token_issued",
            user=user,
            data={"key_id": token.key_id},
        )
    return f"{key_id}.{secret}"


def revoke_token(user, token: ApiToken) -> ApiToken:
    if not permissions.is_coordinator(user):
        _refuse(_("เฉพาะผู้ประสานการรายงานของจังหวัดเท่านั้นที่ยกเลิกกุญแจ API ได้"))
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            _refuse(_("กุญแจนี้ถูกยกเลิกไปแล้ว"))
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log(
            instance=token.agency,
            action="prongsai.parentbody.token_revoked",
            user=user,
            data={"key_id": token.key_id},
        )
    return token


def rotate_token(user, agency) -> str:
    """Revoke every active token of the agency and issue a new one, in one transaction."""
    with transaction.atomic():
        for token in ApiToken.objects.filter(agency=agency, revoked_at__isnull=True):
            revoke_token(user, token)
        return issue_token(user, agency)
