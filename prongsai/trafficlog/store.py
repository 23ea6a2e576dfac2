"""Append-only segment files: where traffic records are written and found (ADR 0040, 0041).

Each writing process owns its own segment (name = start time, host, pid, source), holds an
exclusive ``flock`` on it for its whole life and appends one whole line per ``os.write`` on an
``O_APPEND`` descriptor. A record is in the kernel's page cache before the response leaves, so
``kill -9`` of the worker right after the response loses nothing; a power loss can lose what the
sealer has not yet ``fsync``-ed (ADR 0042). The lock is released by the kernel when the process
dies however it dies, which is how the sealer knows a segment is finished.
"""

import binascii
import contextlib
import errno
import fcntl
import hashlib
import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings

from . import chain, records, runninghead

SEGMENT_SUFFIX = ".seg"
CHECKPOINT_FILE = "checkpoints.log"
ACCESS_AUDIT_FILE = "access-audit.log"

logger = logging.getLogger(__name__)


class TrafficWriteError(OSError):
    """The record could not be stored; the caller must not pretend the request was logged."""


def traffic_dir() -> Path:
    return Path(settings.TRAFFIC_DIR)


@dataclass(frozen=True)
class SegmentInfo:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def started(self) -> datetime:
        stamp = self.name.split("-", 1)[0]
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S.%f").replace(tzinfo=records.BANGKOK)


def segment_bounds(info: SegmentInfo, seal: dict | None) -> tuple[datetime, datetime | None]:
    """(first, last) record time: from the seal, else the folder's day and "still open"."""
    if seal:
        times = [
            datetime.fromisoformat(seal["first_time"]),
            datetime.fromisoformat(seal["last_time"]),
        ]
        return min(times), max(times)
    day = datetime.strptime(info.path.parent.name, "%Y-%m-%d").replace(tzinfo=records.BANGKOK)
    return min(day, info.started), None


def list_segments(directory: Path | None = None) -> list[SegmentInfo]:
    directory = directory or traffic_dir()
    if not directory.exists():
        return []
    found = [SegmentInfo(path) for path in directory.glob(f"*/*{SEGMENT_SUFFIX}")]
    return sorted(found, key=lambda info: info.name)


def relative_name(path: Path) -> str:
    """Segments are named by "<day>/<file>" in checkpoints, so the name survives moving the root."""
    return f"{path.parent.name}/{path.name}"


class SegmentWriter:
    """One process's segment. Thread-safe; the chain head lives in memory."""

    def __init__(self, directory: Path, source: str, max_bytes: int | None = None):
        self.directory = Path(directory)
        self.source = source
        self.max_bytes = max_bytes or settings.TRAFFIC_SEGMENT_MAX_BYTES
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._fd = None
        self._head = None
        self._path = None
        self._day = None
        self._prev = ""
        self._seq = 0
        self._size = 0

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def size(self) -> int:
        return self._size

    def ensure_open_for(self, time_text: str) -> None:
        """Open (or rotate to) the segment the next record of this time goes to."""
        with self._lock:
            self._ensure_open(time_text)

    def append(self, values: list) -> None:
        """Store one record (``values`` without seq) with one write system call."""
        with self._lock:
            self._ensure_open(values[0])
            self._write_locked([values])

    def append_many(self, rows: list[list]) -> None:
        """Store many records in one write (ingest); the segment rotates only between batches."""
        if not rows:
            return
        with self._lock:
            self._ensure_open(rows[0][0])
            self._write_locked(rows)

    def close(self) -> None:
        with self._lock:
            self._close_locked()

    def forget_after_fork(self) -> None:
        """A forked child must not append to its parent's file nor keep its lock alive."""
        if self._fd is not None:
            os.close(self._fd)
        if self._head is not None:
            self._head.close()
        self._fd = None
        self._head = None
        self._path = None
        self.pid = os.getpid()
        self._lock = threading.Lock()

    def append_encoded(self, first_time: str, tails: list[bytes]) -> None:
        """Store records already encoded as UTF-8 JSON-array text minus "[" (fast ingest)."""
        if not tails:
            return
        with self._lock:
            self._ensure_open(first_time)
            prev, seq = self._prev.encode(), self._seq
            sha256, hexlify = hashlib.sha256, binascii.hexlify
            parts = []
            add = parts.append
            for tail in tails:  # chain.make_line on bytes, inlined: this loop is per record
                seq += 1
                chained = b"%b [%d,%b" % (prev, seq, tail)
                prev = hexlify(sha256(chained).digest())
                add(prev + b" " + chained + b"\n")
            self._write_data(b"".join(parts), prev.decode(), seq)

    def _write_locked(self, rows: list) -> None:
        prev, seq = self._prev, self._seq
        parts = []
        make_line = chain.make_line
        for row in rows:
            seq += 1
            prev, line = make_line(prev, f"[{seq},{records.encode(row)[1:]}")
            parts.append(line)
        self._write_data(b"".join(parts), prev, seq)

    def _write_data(self, data: bytes, prev: str, seq: int) -> None:
        """One write(2) of whole lines; the chain head moves only if all of it was written."""
        try:
            written = os.write(self._fd, data)
        except OSError as exc:
            self._abandon_after_failure()
            raise TrafficWriteError(exc.errno, f"traffic record not stored: {exc}") from exc
        if written != len(data):
            self._abandon_after_failure()
            raise TrafficWriteError(f"traffic record not stored: short write {written}/{len(data)}")
        self._prev, self._seq = prev, seq
        self._size += written
        # The tail after the last checkpoint is covered by the signed running head (ADR 0102).
        # The record is stored already; a failure here is the verifier's to report, not a 503.
        try:
            self._head.write(seq, prev)
        except OSError:
            logger.exception("Could not update the traffic segment's running head")

    def _abandon_after_failure(self) -> None:
        # Cut a partial line off so the file's chain stays whole, then start a fresh segment.
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, self._size)
        self._close_locked()

    def _ensure_open(self, time_text: str) -> None:
        if self.pid != os.getpid():
            self.forget_after_fork()
        day = time_text[:10]
        if self._fd is not None and (day != self._day or self._size >= self.max_bytes):
            self._close_locked()
        if self._fd is None:
            self._open_new(day)

    def _open_new(self, day: str) -> None:
        started = datetime.now(records.BANGKOK)
        folder = self.directory / day
        folder.mkdir(parents=True, exist_ok=True)
        host = socket.gethostname().replace("-", "_")[:40]
        name = f"{started:%Y%m%dT%H%M%S.%f}-{host}-{self.pid}-{os.urandom(3).hex()}-{self.source}"
        path = folder / f"{name}{SEGMENT_SUFFIX}"
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o640)
        head = None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            header = {
                "format": chain.FORMAT_VERSION,
                "segment": relative_name(path),
                "host": socket.gethostname(),
                "pid": self.pid,
                "fields": list(records.FIELDS),
            }
            prev, line = chain.make_line(
                chain.genesis(relative_name(path)),
                records.encode([0, started.isoformat(), records.SOURCE_SEGMENT, header]),
            )
            if os.write(fd, line) != len(line):
                raise OSError(errno.ENOSPC, "short write of the segment header")
            head = runninghead.HeadWriter(path, relative_name(path))
            head.write(0, prev)
        except OSError:
            # A full disk: leave no half-made segment behind (it would break the chain) and
            # stay closed, so the next request tries a new segment rather than this one.
            os.close(fd)
            if head is not None:
                head.close()
            for leftover in (path, runninghead.head_path(path)):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            raise
        self._fd, self._path, self._day, self._head = fd, path, day, head
        self._size = len(line)
        self._prev, self._seq = prev, 0
        self._announce(path)

    def _announce(self, path: Path) -> None:
        """Tell the checkpoint file a segment exists before any record is in it (ADR 0047).

        Without this a segment deleted before the sealer's first checkpoint (up to 5 minutes)
        would leave no trace. One fsync-ed line per new segment: once per process and day.
        """
        from . import checkpoints

        data = {
            "segment": relative_name(path),
            "head": self._prev,
            "pid": self.pid,
            "running_head": True,  # a missing .head file is then reported (ADR 0102)
        }
        try:
            checkpoints.append_entry("open", data, self.directory)
        except OSError:
            # The records themselves are safe; only the early anchor is missing. The sealer
            # checkpoints the segment as usual and the daily check reports the failure.
            logger.exception("Could not note the new traffic segment in the checkpoint file")

    def _close_locked(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock: the sealer may now seal it
        if self._head is not None:
            self._head.close()
        self._fd = None
        self._head = None


_process_writer: SegmentWriter | None = None
_process_writer_setting = None


def process_writer() -> SegmentWriter:
    """The current worker's writer for application requests (one segment per process)."""
    global _process_writer, _process_writer_setting
    configured = settings.TRAFFIC_DIR
    if _process_writer is None or configured is not _process_writer_setting:
        # Compared by identity: building a Path per request costs more than the write itself.
        if _process_writer is not None:
            _process_writer.close()
        _process_writer = SegmentWriter(Path(configured), records.SOURCE_APP)
        _process_writer_setting = configured
    return _process_writer


def _after_fork_in_child() -> None:
    if _process_writer is not None:
        _process_writer.forget_after_fork()


os.register_at_fork(after_in_child=_after_fork_in_child)
