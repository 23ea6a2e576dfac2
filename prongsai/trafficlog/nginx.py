"""Ingest nginx access logs into the traffic store (R40), idempotently.

Expected ``log_format`` (docs/traffic-data.md): the ``combined`` format followed by
``$request_id`` and, optionally, ``$remote_port $msec $request_time "$host"``.

Idempotence: a file is identified by the SHA-256 of its first line (which holds a time and a
request id, so it is unique in practice and survives renaming, rotation and gzip). The byte
offset already ingested is kept per file in ``ingest-state.json``; a second run starts there.
A malformed line is counted and reported with its line number and the rest goes on.

Speed (issue 6, ≥ 100,000 lines/s on one core): the file is read in large blocks and almost
every line takes the fast path of ``nginx_lines`` (one bytes regex over the block, per-second
time cache, record text joined as bytes); the few others go through ``parse_line`` below.
Both store the same bytes for the same line. Each batch is hashed and written with one write.
"""

import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import nginx_lines, records, store

LINE = re.compile(
    r'(?P<ip>[0-9A-Fa-f.:]+) \S+ (?P<user>\S+) \[(?P<time>[^\]]+)\] "(?P<request>[^"]*)" '
    r'(?P<status>\d{3}) (?P<bytes>\d+|-) "(?P<referrer>[^"]*)" "(?P<agent>[^"]*)" '
    r"(?P<rid>[A-Za-z0-9._-]{1,64})"
    r"(?: (?P<port>\d{1,5}|-))?(?: (?P<msec>\d+\.\d+))?(?: (?P<rtime>\d+\.\d+|-))?"
    r'(?: "(?P<host>[^"]*)")?\s*$'
)
BATCH_LINES = 20_000
READ_BYTES = 8 * 1024 * 1024
STATE_FILE = "ingest-state.json"


@dataclass
class Malformed:
    path: str
    line: int
    text: str


@dataclass
class IngestSummary:
    files: int = 0
    ingested: int = 0
    skipped_files: int = 0
    malformed: list[Malformed] = field(default_factory=list)


class _TimeCache:
    """nginx times repeat within a second; converting each distinct second once is the speed-up."""

    def __init__(self):
        self.local: dict[str, str] = {}
        self.epoch: dict[int, tuple[str, str]] = {}

    def from_local(self, text: str) -> str:
        value = self.local.get(text)
        if value is None:
            parsed = datetime.strptime(text, "%d/%b/%Y:%H:%M:%S %z")
            value = parsed.astimezone(records.BANGKOK).isoformat(timespec="microseconds")
            self.local[text] = value
        return value

    def from_msec(self, text: str) -> str:
        seconds, _dot, millis = text.partition(".")
        second = int(seconds)
        parts = self.epoch.get(second)
        if parts is None:
            iso = datetime.fromtimestamp(second, records.BANGKOK).isoformat()
            parts = self.epoch[second] = (iso[:19], iso[19:])
        return f"{parts[0]}.{millis[:3].ljust(3, '0')}000{parts[1]}"


def encode_tail(row: list, raw: str) -> str:
    """The JSON text of a parsed row without its leading "[" (the writer adds the sequence).

    nginx escapes quotes, backslashes and control characters in logged values as \\xHH, so a
    line without any backslash or control character can be written between quotes as is; any
    other line goes through the JSON encoder (the general path; nginx_lines is the fast one).
    """
    if "\\" in raw or not raw.rstrip("\n").isprintable():
        return records.encode(row)[1:]
    (when, source, rid, ip, port, method, host, path, status, size, duration, agent, ref, user) = (
        row
    )
    return (
        f'"{when}","{source}","{rid}","{ip}",{"null" if port is None else port},"{method}",'
        f'"{host}","{path}",{status},{size},{"null" if duration is None else duration},'
        f'"{agent}","{ref}",{"null" if user is None else records.encode(user)}]'
    )


def parse_line(text: str, times: _TimeCache) -> list | None:
    match = LINE.match(text)
    if match is None:
        return None
    (ip, user, time_local, request, status, size, referrer, agent, rid, port, msec, rtime, host) = (
        match.groups()
    )
    try:
        when = times.from_msec(msec) if msec else times.from_local(time_local)
    except ValueError:
        return None
    method, _space, rest = request.partition(" ")
    path = rest.rsplit(" ", 1)[0] if rest else request
    if not rest:
        method = ""
    return [
        when,
        records.SOURCE_NGINX,
        rid,
        ip,
        int(port) if port and port != "-" else None,
        method,
        host or "",
        path,
        int(status),
        0 if size == "-" else int(size),
        int(float(rtime) * 1_000_000) if rtime and rtime != "-" else None,
        "" if agent == "-" else agent,
        "" if referrer == "-" else referrer,
        None if user == "-" else user,
    ]


def ingest_files(paths: list[Path]) -> IngestSummary:
    summary = IngestSummary()
    state_path = store.traffic_dir() / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    recover_pending(state, state_path)
    writer = store.SegmentWriter(store.traffic_dir(), records.SOURCE_NGINX)
    times = _TimeCache()
    try:
        for path in paths:
            summary.files += 1
            _ingest_one(Path(path), state, state_path, writer, times, summary)
    finally:
        writer.close()
    return summary


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")  # noqa: SIM115


def _ingest_one(path, state, state_path, writer, times, summary) -> None:
    with _open(path) as handle:
        first = handle.readline()
        if not first.endswith(b"\n"):
            summary.skipped_files += 1  # empty or a first line still being written
            return
        key = hashlib.sha256(first).hexdigest()
        known = state.get(key, {"offset": 0, "line": 0})
        batch = _Batch(writer, state, state_path, key, path, summary)
        batch.offset, batch.number = known["offset"], known["line"]
        handle.seek(batch.offset)
        parser = nginx_lines.BlockParser()
        carry = b""
        while block := handle.read(READ_BYTES):
            data = carry + block
            whole = data.rfind(b"\n") + 1  # a last line without its newline waits for more
            _ingest_block(data, whole, parser, times, batch)
            carry = data[whole:]
        # A final line without a newline is still being written by nginx; the next run takes it.
        batch.flush()


class _Batch:
    """Encoded records waiting for one write, and where in the file they end."""

    def __init__(self, writer, state, state_path, key, path, summary):
        self.writer, self.state, self.state_path = writer, state, state_path
        self.key, self.path, self.summary = key, path, summary
        self.tails: list[bytes] = []
        self.day = self.first_time = None
        self.offset = self.number = 0  # file offset and line number after the last line seen

    def flush(self) -> None:
        if not self.tails:
            return
        _flush(self.writer, self.first_time.decode(), self.tails, self.state, self.state_path,
               self.key, self.path, self.offset, self.number)  # fmt: skip
        self.summary.ingested += len(self.tails)
        self.tails = []


def _ingest_block(data: bytes, whole: int, parser, times, batch: _Batch) -> None:
    """Ingest the whole lines ``data[:whole]``; the batch's offset moves by their byte lengths."""
    base = batch.offset  # file offset of data[0]
    number = batch.number
    tails, day_of_batch = batch.tails, batch.day
    for line_start, line_end, day, when, tail in parser.lines(data, 0, whole):
        number += 1
        if tail is None:
            text = data[line_start:line_end].decode("utf-8", "replace")
            row = parse_line(text, times)
            if row is None:
                malformed = Malformed(str(batch.path), number, text.rstrip("\n")[:300])
                batch.summary.malformed.append(malformed)
                continue
            when = row[0].encode()
            day = when[:10]
            tail = encode_tail(row, text).encode()
        if tails and (day != day_of_batch or len(tails) >= BATCH_LINES):
            batch.offset, batch.number, batch.day = base + line_start, number - 1, day_of_batch
            batch.flush()
            tails = batch.tails
        if not tails:
            day_of_batch, batch.first_time = day, when
        tails.append(tail)
    batch.offset, batch.number, batch.day = base + whole, number, day_of_batch


def _flush(writer, first_time, batch, state, state_path, key, path, offset, number) -> None:
    """Write a batch in one write and move the file's offset with it, exactly once.

    The state first records the intended move as "pending" with the segment's size before the
    write; after the write it is committed. If the process dies in between, the next run sees
    whether the segment grew (the single write happened) and commits or drops the move, so a
    batch is never stored twice nor skipped (ADR 0044).
    """
    if not batch:
        return
    writer.ensure_open_for(first_time)
    state["_pending"] = {
        "key": key,
        "segment": str(writer.path),
        "size_before": writer.size,
        "offset": offset,
        "line": number,
        "path": str(path),
    }
    _save(state, state_path)
    writer.append_encoded(first_time, batch)
    _commit_pending(state)
    _save(state, state_path)


def _commit_pending(state: dict) -> None:
    pending = state.pop("_pending")
    state[pending["key"]] = {
        "offset": pending["offset"],
        "line": pending["line"],
        "path": pending["path"],
    }


def recover_pending(state: dict, state_path: Path) -> None:
    pending = state.get("_pending")
    if not pending:
        return
    segment = Path(pending["segment"])
    landed = segment.exists() and segment.stat().st_size > pending["size_before"]
    if landed:
        _commit_pending(state)
    else:
        state.pop("_pending")
    _save(state, state_path)


def _save(state: dict, state_path: Path) -> None:
    temporary = state_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, ensure_ascii=False))
    os.replace(temporary, state_path)
