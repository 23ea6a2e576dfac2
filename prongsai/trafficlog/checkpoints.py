"""The checkpoint file: sealed heads of segments, kept apart from the database (ADR 0043).

``<traffic dir>/checkpoints.log`` is itself a hash-chained file in the same line format. Entries:

* ``open``       - a writer started a segment (its header's hash), written before any record, so
                   a segment deleted before the sealer's first checkpoint is still missed;
* ``checkpoint`` - an open segment's record count and chain head at a moment;
* ``seal``       - a finished segment's count, head, time range, size and SHA-256;
* ``retention-delete`` - a segment removed by the retention job, with what it held;
* ``retention-run`` - the retention job ran (what it deleted and kept), for the daily check;
* ``audit-checkpoint`` - count and head of the access-audit file (accessaudit.py), which
                   anchors its tail as ``checkpoint`` anchors a segment's.

The database user has no way to reach this file. Against the application's own OS user it can
be made append-only (``chattr +a``) or owned by a separate sealer user, and every entry can be
copied off the machine (``TRAFFIC_CHECKPOINT_EXPORT_FILE``, and the syslog forwarder sends this
file too); see docs/traffic-data.md.
"""

import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from . import chain, records, store

GENESIS_NAME = "checkpoints"


def checkpoint_path(directory: Path | None = None) -> Path:
    return (directory or store.traffic_dir()) / store.CHECKPOINT_FILE


def append_entry(kind: str, data: dict, directory: Path | None = None) -> str:
    """Append one entry under an exclusive lock (several processes may seal or delete)."""
    line = append_to_log(checkpoint_path(directory), GENESIS_NAME, kind, data)
    _export(line)
    return line.decode()


def append_to_log(path: Path, genesis_name: str, kind: str, data: dict) -> bytes:
    """Append ``[seq, time, kind, data]`` to a chained log file (checkpoints, access audit)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        prev, seq = _tail_state(fd, genesis_name)
        body = records.encode([seq + 1, records.now_text(), kind, data])
        _digest, line = chain.make_line(prev, body)
        written = os.write(fd, line)
        if written != len(line):
            os.ftruncate(fd, os.fstat(fd).st_size - written)
            raise OSError(f"short write to {path.name}: {written}/{len(line)}")
        os.fsync(fd)  # these entries are rare and are the anchor: make them durable now
    finally:
        os.close(fd)
    return line


def _tail_state(fd: int, genesis_name: str) -> tuple[str, int]:
    size = os.fstat(fd).st_size
    if size == 0:
        return chain.genesis(genesis_name), 0
    chunk = min(size, 64 * 1024)
    tail = os.pread(fd, chunk, size - chunk)
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    seq = json.loads(chain.body_of(last))[0]
    return last[: chain.HASH_LEN].decode(), seq


def _export(line: bytes) -> None:
    export_file = settings.TRAFFIC_CHECKPOINT_EXPORT_FILE
    if export_file:
        fd = os.open(export_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o640)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)


@dataclass
class SegmentLedger:
    """What the checkpoint file says about one segment."""

    checkpoints: list[tuple[int, str]] = field(default_factory=list)  # (count, head)
    opened: dict | None = None
    seal: dict | None = None
    deleted: dict | None = None


def read_ledger(directory: Path | None = None) -> tuple[dict[str, SegmentLedger], str | None]:
    """Return the ledger per segment and the first problem of the checkpoint file's own chain."""
    path = checkpoint_path(directory)
    ledgers: dict[str, SegmentLedger] = {}
    if not path.exists():
        return ledgers, None
    from .verify import verify_file

    problem = None
    report = verify_file(path, GENESIS_NAME)
    if report.problem:
        problem = f"{store.CHECKPOINT_FILE}: {report.problem}"
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if report.problem and number >= report.problem.line:
                break
            _seq, _at, kind, data = json.loads(chain.body_of(line))
            if "segment" not in data:
                continue  # entries about other files (access audit, retention runs)
            ledger = ledgers.setdefault(data["segment"], SegmentLedger())
            if kind == "open":
                ledger.opened = data
                ledger.checkpoints.append((0, data["head"]))
            elif kind == "checkpoint":
                ledger.checkpoints.append((data["count"], data["head"]))
            elif kind == "seal":
                ledger.seal = data
                ledger.checkpoints.append((data["count"], data["head"]))
            elif kind == "retention-delete":
                ledger.deleted = data
    return ledgers, problem


def read_entries(kinds: set[str], directory: Path | None = None) -> list[tuple[str, str, dict]]:
    """(time, kind, data) of the entries of these kinds, oldest first (whole lines only)."""
    path = checkpoint_path(directory)
    found = []
    if not path.exists():
        return found
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                _seq, at, kind, data = json.loads(chain.body_of(line))
            except ValueError:
                continue  # a damaged line is traffic_verify's to report
            if kind in kinds:
                found.append((at, kind, data))
    return found
