"""A verification result the coordinator can hand on: the check's outcome, signed (ADR 0101).

The signature is an HMAC-SHA256 (Django's ``Signer``, keyed by ``SECRET_KEY`` with a salt of its
own) over the canonical JSON of the result. It proves the file came from this installation and
was not edited since; whoever checks it needs the key, i.e. the agency itself
(``manage.py traffic_verify --check-result FILE``). Proof to outsiders stays the checkpoint file
copied off the machine (export file, syslog).
"""

import json

from django.core import signing
from django.utils import timezone

SALT = "prongsai.trafficlog.verification-result"
FORMAT = "prongsai-traffic-verification/1"


def _canonical(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, algorithm="sha256")


def result_document(result, audit, *, run_by: str, start, end) -> dict:
    """What the check found, in plain data (also what the screen shows)."""
    return {
        "format": FORMAT,
        "run_at": timezone.localtime().isoformat(),
        "run_by": run_by,
        "range": {
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
        },
        "ok": result.ok and audit.ok,
        "segments": len(result.segments),
        "records": result.records,
        "checkpoint_problem": result.checkpoint_problem,
        "segment_problems": [
            {"segment": segment.name, "problem": segment.problem}
            for segment in result.segments
            if segment.problem
        ],
        "notes": [
            {"segment": segment.name, "note": note}
            for segment in result.segments
            for note in segment.notes
        ],
        "access_audit": {"entries": audit.entries, "problems": audit.problems},
    }


def sign(document: dict) -> dict:
    return {"result": document, "signature": _signer().signature(_canonical(document))}


def check(signed: dict) -> bool:
    """True if ``signed`` is a result this installation signed (current or fallback key)."""
    try:
        document, signature = signed["result"], signed["signature"]
    except (KeyError, TypeError):
        return False
    try:
        _signer().unsign(f"{_canonical(document)}{_signer().sep}{signature}")
    except signing.BadSignature:
        return False
    return True
