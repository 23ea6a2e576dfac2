"""The access-audit chain: every look at traffic data and every hold, outside the database (ADR 0048).

A database administrator could delete a ``TrafficAccess`` row (who searched what) or a ``Hold``
(an official order that stops retention deleting data). So each of them is also appended, in
the same transaction and before it commits, to ``<traffic dir>/access-audit.log``: a chained
file in the checkpoint file's format (``[seq, time, kind, data]``), anchored by the sealer's
``audit-checkpoint`` entries and forwarded to syslog with the rest.

``verify_access_audit()`` (run by ``traffic_verify`` and the daily check) compares the two:
a row deleted or changed in the database, a row added without passing through Prongsai, and a
damaged or shortened file are each reported. If the file cannot be written the access (or hold)
fails and nothing is saved: an unrecorded look at traffic data must not happen.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone

from . import chain, checkpoints, store
from .verify import verify_file

GENESIS_NAME = "access-audit"
KIND_ACCESS = "access"
KIND_HOLD_CREATE = "hold-create"
KIND_HOLD_END = "hold-end"


def audit_path(directory: Path | None = None) -> Path:
    return (directory or store.traffic_dir()) / store.ACCESS_AUDIT_FILE


def _time(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def access_data(access) -> dict:
    return {
        "id": access.pk,
        "at": _time(access.at),
        "user_id": access.user_id,
        "username": access.username,
        "action": access.action,
        "outcome": access.outcome,
        "query": access.query,
        "reason": access.reason,
        "result_count": access.result_count,
        "client_ip": access.client_ip,
        "request_id": access.request_id,
    }


def hold_data(hold) -> dict:
    data = {
        "id": hold.pk,
        "reason": hold.reason,
        "order_reference": hold.order_reference,
        "range_start": _time(hold.range_start),
        "range_end": _time(hold.range_end),
        "keep_until": hold.keep_until.isoformat(),
        "created_by": hold.created_by_id,
        "created_at": _time(hold.created_at),
    }
    # Only written when not the default (s.26), so entries chained before the field existed
    # still equal their database rows.
    if hold.legal_basis != "s26" or hold.legal_basis_detail:
        data |= {"legal_basis": hold.legal_basis, "legal_basis_detail": hold.legal_basis_detail}
    return data


def hold_end_data(hold) -> dict:
    return {
        "id": hold.pk,
        "ended_at": _time(hold.ended_at),
        "ended_by": hold.ended_by_id,
        "end_note": hold.end_note,
    }


def append(kind: str, data: dict) -> None:
    """Raises OSError if the entry could not be stored durably; the caller's transaction fails."""
    checkpoints.append_to_log(audit_path(), GENESIS_NAME, kind, data)


@dataclass
class AuditEntries:
    accesses: dict[int, dict] = field(default_factory=dict)
    holds: dict[int, dict] = field(default_factory=dict)
    hold_ends: dict[int, dict] = field(default_factory=dict)
    lines: int = 0
    head: str = ""
    problem: str | None = None


def read_entries(directory: Path | None = None) -> AuditEntries:
    """The entries of the audit file up to its first damaged line, and that damage."""
    path = audit_path(directory)
    entries = AuditEntries()
    if not path.exists():
        return entries
    anchors = {
        data["count"]: data["head"]
        for _at, _kind, data in checkpoints.read_entries({"audit-checkpoint"}, directory)
    }
    report = verify_file(path, GENESIS_NAME, anchors)
    entries.lines, entries.head = report.lines, report.head
    if report.problem:
        entries.problem = f"{store.ACCESS_AUDIT_FILE}: {report.problem}"
    elif anchors and max(anchors) > report.lines:
        entries.problem = (
            f"{store.ACCESS_AUDIT_FILE}: line {report.lines + 1}: truncated tail: the file ends "
            f"after {report.lines} entries but a checkpoint recorded {max(anchors)}"
        )
    by_kind = {
        KIND_ACCESS: entries.accesses,
        KIND_HOLD_CREATE: entries.holds,
        KIND_HOLD_END: entries.hold_ends,
    }
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if number > report.lines:
                break
            _seq, _at, kind, data = json.loads(chain.body_of(line))
            if kind in by_kind:
                by_kind[kind][data["id"]] = data
    return entries


@dataclass
class AuditResult:
    entries: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_access_audit(directory: Path | None = None) -> AuditResult:
    """Compare the audit chain with the database rows it vouches for."""
    from .models import Hold, TrafficAccess

    entries = read_entries(directory)
    problems = [entries.problem] if entries.problem else []
    problems += _compare(
        "access record",
        entries.accesses,
        {access.pk: access_data(access) for access in TrafficAccess.objects.all()},
        entries.problem is not None,
    )
    stored_holds = {}
    for hold in Hold.objects.all():
        stored_holds[hold.pk] = hold_data(hold) | (hold_end_data(hold) if hold.ended_at else {})
    chained_holds = {pk: data | entries.hold_ends.get(pk, {}) for pk, data in entries.holds.items()}
    problems += _compare("hold", chained_holds, stored_holds, entries.problem is not None)
    return AuditResult(entries=entries.lines, problems=problems)


def _compare(what: str, chained: dict, stored: dict, file_damaged: bool) -> list[str]:
    problems = []
    for pk, data in sorted(chained.items()):
        row = stored.get(pk)
        if row is None:
            problems.append(
                f"{what} #{pk} ({_describe(data)}) is in the audit chain but was deleted "
                "from the database"
            )
        elif _normalised(row) != _normalised(data):
            changed = sorted(
                key
                for key in set(row) | set(data)
                if _normalised(row.get(key)) != _normalised(data.get(key))
            )
            problems.append(
                f"{what} #{pk} ({_describe(data)}) was changed in the database: "
                + ", ".join(changed)
            )
    for pk in sorted(set(stored) - set(chained)):
        cause = "the audit file is damaged" if file_damaged else "added outside Prongsai?"
        problems.append(
            f"{what} #{pk} ({_describe(stored[pk])}) is in the database but not in the audit "
            f"chain ({cause})"
        )
    return problems


def _describe(data: dict) -> str:
    when = data.get("at") or data.get("created_at") or ""
    who = data.get("username") or data.get("order_reference") or ""
    return f"{when[:19]} {who}".strip()


def _normalised(value):
    # JSON round trip: tuples/lists, dict key order and number types compare as stored.
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def chained_active_holds(
    today: date, directory: Path | None = None
) -> list[tuple[datetime, datetime]]:
    """Time ranges of holds the audit chain knows as active: retention honours them even if the
    database rows were deleted or altered (the chain, not the database, is the record of truth)."""
    entries = read_entries(directory)
    ranges = []
    for pk, data in entries.holds.items():
        if pk in entries.hold_ends or date.fromisoformat(data["keep_until"]) < today:
            continue
        ranges.append(
            (datetime.fromisoformat(data["range_start"]), datetime.fromisoformat(data["range_end"]))
        )
    return ranges
