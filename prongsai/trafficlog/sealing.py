"""Seal finished segments and checkpoint open ones (run every few minutes by tasks.py).

A segment is finished when no process holds its ``flock`` any more (its writer rotated, exited
or was killed). Sealing verifies it, ``fsync``s it (this is the durability point for power
loss, ADR 0042), records count, head, time range, size and SHA-256 in the checkpoint file and
makes the file read-only. Open segments get a ``checkpoint`` entry when they have grown, which
bounds how much of an open segment could be silently cut off or rewritten.
"""

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass, field

from . import checkpoints, records, store
from .verify import verify_file, verify_segment


@dataclass
class SealSummary:
    sealed: list[str] = field(default_factory=list)
    checkpointed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def seal_and_checkpoint() -> SealSummary:
    summary = SealSummary()
    ledgers, _problem = checkpoints.read_ledger()
    for info in store.list_segments():
        name = store.relative_name(info.path)
        ledger = ledgers.get(name)
        if ledger and (ledger.seal or ledger.deleted):
            continue
        fd = os.open(info.path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            finished = _try_lock(fd)
            os.fsync(fd)  # durable up to here, open or not
            result = verify_segment(info.path, ledger)
            report = result.report
            if result.problem:
                summary.problems.append(f"{name}: {result.problem}")
            if finished:
                checkpoints.append_entry("seal", _seal_data(info, name, report, result.problem))
                os.chmod(info.path, 0o440)
                summary.sealed.append(name)
            elif report.records and (
                not ledger or not ledger.checkpoints or ledger.checkpoints[-1][0] < report.records
            ):
                checkpoints.append_entry(
                    "checkpoint", {"segment": name, "count": report.records, "head": report.head}
                )
                summary.checkpointed.append(name)
        finally:
            os.close(fd)
    _checkpoint_access_audit(summary)
    _note_run()
    return summary


SEALER_STATE_FILE = "sealer-state.json"


def _note_run() -> None:
    """When the sealer last finished, for the daily check (a health signal, not evidence)."""
    path = store.traffic_dir() / SEALER_STATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"finished_at": records.now_text()}))
    os.replace(temporary, path)


def last_run():
    from datetime import datetime

    path = store.traffic_dir() / SEALER_STATE_FILE
    if not path.exists():
        return None
    return datetime.fromisoformat(json.loads(path.read_text())["finished_at"])


def _checkpoint_access_audit(summary: SealSummary) -> None:
    """Anchor the access-audit file's tail as an open segment's (its lines are numbered from 1)."""
    from .accessaudit import GENESIS_NAME, audit_path

    path = audit_path()
    if not path.exists():
        return
    anchors = checkpoints.read_entries({"audit-checkpoint"})
    counted = anchors[-1][2]["count"] if anchors else 0
    report = verify_file(path, GENESIS_NAME)
    if report.problem:
        summary.problems.append(f"{store.ACCESS_AUDIT_FILE}: {report.problem}")
        return
    if report.lines > counted:
        checkpoints.append_entry(
            "audit-checkpoint",
            {"file": store.ACCESS_AUDIT_FILE, "count": report.lines, "head": report.head},
        )
        summary.checkpointed.append(store.ACCESS_AUDIT_FILE)


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _seal_data(info, name: str, report, problem: str | None) -> dict:
    with open(info.path, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    started = info.started.isoformat()
    first_time = json.loads(report.first_body)[1] if report.first_body else started
    last_time = json.loads(report.last_body)[1] if report.last_body else first_time
    return {
        "segment": name,
        "count": report.records,
        "head": report.head,
        "first_time": first_time,
        "last_time": last_time,
        "size": os.path.getsize(info.path),
        "sha256": digest,
        "problem": problem,
    }
