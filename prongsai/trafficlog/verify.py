"""Check segments against their own chain and the checkpoint file; name the first broken point.

The loop only slices bytes and hashes them (no JSON parsing), so one core checks a few hundred
thousand records a second. When a line fails, the failure is classified precisely: a changed
byte (the line's hash no longer matches), deleted records (the sequence number jumps and the
missing numbers are nowhere later), reordered records (the expected number appears later), a
truncated tail (an incomplete last line, or fewer records than a checkpoint recorded).
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import chain, checkpoints, runninghead, store

H = chain.HASH_LEN


@dataclass(frozen=True)
class Problem:
    line: int
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.kind}: {self.detail}"


@dataclass
class FileReport:
    name: str
    lines: int = 0
    head: str = ""
    size: int = 0
    first_body: bytes = b""
    last_body: bytes = b""
    problem: Problem | None = None

    @property
    def records(self) -> int:
        """Request records (the first line of a segment is its header)."""
        return max(self.lines - 1, 0)


def verify_file(path: Path, genesis_name: str, expected_heads: dict[int, str] | None = None):
    """Verify one chained file. ``expected_heads`` maps line number to the head a checkpoint saw."""
    report = FileReport(name=genesis_name)
    prev = chain.genesis(genesis_name).encode()
    sha256 = hashlib.sha256
    expected_heads = expected_heads or {}
    next_checked = min(expected_heads) if expected_heads else 0
    number = 0
    good_size = 0
    line = b""
    with open(path, "rb", buffering=1024 * 1024) as handle:
        for number, line in enumerate(handle, 1):  # noqa: B007 - the last line is used below
            if line[-1:] != b"\n":
                report.problem = Problem(
                    number,
                    "truncated tail",
                    f"the last record is incomplete ({len(line)} bytes without end of line)",
                )
                break
            if line[H : H + 1] != b" " or line[2 * H + 1 : 2 * H + 2] != b" ":
                report.problem = Problem(number, "changed byte", "the line's layout is damaged")
                break
            if sha256(line[H + 1 : -1]).hexdigest().encode() != line[:H]:
                report.problem = Problem(
                    number, "changed byte", "the record's content does not match its hash"
                )
                break
            if line[H + 1 : 2 * H + 1] != prev:
                report.problem = _classify_chain_break(path, number, line)
                break
            prev = line[:H]
            good_size += len(line)
            if number == next_checked:
                if expected_heads[number].encode() != prev:
                    report.problem = Problem(
                        number,
                        "rewritten",
                        "the chain was recomputed: this record's hash differs from a checkpoint",
                    )
                    break
                later = [key for key in expected_heads if key > number]
                next_checked = min(later) if later else 0
            if number == 2:
                report.first_body = chain.body_of(line)  # the first request record
        else:
            number += 1  # past the end
    report.lines = number - 1
    report.head = prev.decode()
    report.size = good_size
    if report.lines and report.problem is None:
        report.last_body = chain.body_of(line)
    return report


def _seq(line: bytes) -> int | None:
    body = chain.body_of(line)
    try:
        return int(body[1 : body.index(b",")])
    except ValueError:
        return None


def _classify_chain_break(path: Path, number: int, line: bytes) -> Problem:
    # Records are numbered from 0 (the header line), so line N should hold seq N-1 (checkpoint
    # files number from 1, and have no header: line N holds seq N).
    found = _seq(line)
    numbered_from_one = path.name in (store.CHECKPOINT_FILE, store.ACCESS_AUDIT_FILE)
    expected = number if numbered_from_one else number - 1
    if found is None or found == expected:
        return Problem(
            number,
            "replaced record",
            "the previous-hash does not match the record before it",
        )
    if found < expected:
        return Problem(
            number,
            "reordered records",
            f"record #{found} appears where #{expected} belongs (moved or duplicated)",
        )
    with open(path, "rb") as handle:
        for later_number, later in enumerate(handle, 1):
            if later_number > number and _seq(later) == expected:
                return Problem(
                    number,
                    "reordered records",
                    f"record #{found} appears where #{expected} belongs; "
                    f"#{expected} is at line {later_number}",
                )
    missing = found - expected
    return Problem(
        number,
        "deleted records",
        f"{missing} record(s) missing before this line (#{expected}"
        + (f"–#{found - 1}" if missing > 1 else "")
        + ")",
    )


@dataclass
class SegmentResult:
    name: str
    report: FileReport | None
    problem: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass
class VerifyResult:
    segments: list[SegmentResult]
    checkpoint_problem: str | None

    @property
    def ok(self) -> bool:
        return self.checkpoint_problem is None and all(result.ok for result in self.segments)

    @property
    def records(self) -> int:
        return sum(result.report.records for result in self.segments if result.report)

    def first_problem(self) -> str | None:
        if self.checkpoint_problem:
            return self.checkpoint_problem
        for result in self.segments:
            if result.problem:
                return f"{result.name}: {result.problem}"
        return None


def verify_segment(path: Path, ledger: checkpoints.SegmentLedger | None) -> SegmentResult:
    name = store.relative_name(path)
    ledger = ledger or checkpoints.SegmentLedger()
    # A checkpoint of count N is the head of line N+1 (line 1 is the header).
    heads = {count + 1: head for count, head in ledger.checkpoints}
    report = verify_file(path, name, heads)
    result = SegmentResult(name=name, report=report)
    seal = ledger.seal
    if report.problem:
        if seal and seal.get("problem") == str(report.problem) and _same_file(path, seal):
            result.notes.append(f"known since sealing: {report.problem}")
        else:
            result.problem = str(report.problem)
        return result
    most = max((count for count, _head in ledger.checkpoints), default=0)
    if report.records < most:
        head = dict(ledger.checkpoints)[most]
        result.problem = str(
            Problem(
                report.lines + 1,
                "truncated tail",
                f"the segment ends after {report.records} records but a checkpoint recorded "
                f"{most} (head {head[:16]}…)",
            )
        )
    elif problem := _running_head_problem(path, name, ledger, report):
        result.problem = problem
    elif seal and report.records > seal["count"]:
        result.problem = str(
            Problem(
                seal["count"] + 2,
                "appended after sealing",
                f"{report.records - seal['count']} record(s) added after the segment was sealed",
            )
        )
    return result


def _running_head_problem(path: Path, name: str, ledger, report: FileReport) -> str | None:
    """Whole records cut after the last checkpoint: the running head knows more (ADR 0102)."""
    head, problem = runninghead.read(path, name)
    if problem:
        return str(Problem(report.lines + 1, "running head", problem))
    if head is None:
        if ledger.opened and ledger.opened.get("running_head") and not ledger.deleted:
            return str(
                Problem(
                    report.lines + 1,
                    "running head missing",
                    "the segment was written with a running head file and it is gone "
                    "(newest records may have been deleted with it)",
                )
            )
        return None
    if head["count"] > report.records:
        return str(
            Problem(
                report.lines + 1,
                "truncated tail",
                f"the segment ends after {report.records} records but its running head "
                f"recorded {head['count']} (head {head['head'][:16]}…): newest records deleted, "
                "or lost in a power failure before they reached the disk",
            )
        )
    if head["count"] == report.records and head["head"] != report.head:
        return str(
            Problem(
                report.lines,
                "changed byte",
                "the last record does not match the running head (rewritten chain?)",
            )
        )
    return None


def _same_file(path: Path, seal: dict) -> bool:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest() == seal.get("sha256")


def segment_in_range(info: store.SegmentInfo, ledger, start: datetime | None, end: datetime | None):
    """Sealed segments know their time range; open ones hold records of their folder's day."""
    first, last = store.segment_bounds(info, ledger.seal if ledger else None)
    if end is not None and first > end:
        return False
    return not (start is not None and last is not None and last < start)


def verify_all(start: datetime | None = None, end: datetime | None = None) -> VerifyResult:
    ledgers, checkpoint_problem = checkpoints.read_ledger()
    results = []
    on_disk = set()
    for info in store.list_segments():
        name = store.relative_name(info.path)
        on_disk.add(name)
        ledger = ledgers.get(name)
        if not segment_in_range(info, ledger, start, end):
            continue
        result = verify_segment(info.path, ledger)
        if ledger and ledger.deleted:
            result.notes.append("marked deleted by retention but still present")
        results.append(result)
    for name, ledger in sorted(ledgers.items()):
        if name in on_disk or not (ledger.seal or ledger.checkpoints) or ledger.deleted:
            continue
        last_time = ledger.seal["last_time"] if ledger.seal else None
        if start is not None and last_time and datetime.fromisoformat(last_time) < start:
            continue
        if end is not None and _started(name) > end:
            continue
        results.append(
            SegmentResult(
                name=name,
                report=None,
                problem="segment missing: the checkpoint file knows it, no retention deletion "
                "was recorded",
            )
        )
    return VerifyResult(segments=results, checkpoint_problem=checkpoint_problem)


def _started(name: str) -> datetime:
    return store.SegmentInfo(Path(name)).started


def parse_body(body: bytes) -> list:
    return json.loads(body)
