"""The running head: each segment's record count and last hash, rewritten after every write.

The sealer's checkpoints (every 5 minutes) anchor a segment's tail only up to the last
checkpoint: whole records written after it could be cut off the end and the chain would still
verify. So every write (one request's record, or one ingest batch) is followed by one
``pwrite`` of a fixed-size line at offset 0 of ``<segment>.head``: ``{"segment", "count",
"head", "mac"}``, the MAC an HMAC-SHA256 over the other three with a key derived from
``SECRET_KEY``. A fixed size written at offset 0 in one call replaces the whole content at once
(no rename, no partial old content left behind), and costs one system call per request.
``traffic_verify`` reports a segment shorter than its running head, a head whose MAC does not
match, and a head file that is missing although the segment's ``open`` entry says it has one
(ADR 0102). Anyone who holds ``SECRET_KEY`` (the application's own OS user, root) can still
rewrite it: only copies off the machine (syslog forwarding, the checkpoint export) stop them.
"""

import hashlib
import hmac
import json
import os
from pathlib import Path

from django.conf import settings

SUFFIX = ".head"
SIZE = 512  # fixed: every write replaces all of it
_SALT = b"prongsai.trafficlog.running-head"


def head_path(segment_path: Path) -> Path:
    return segment_path.with_name(segment_path.name + SUFFIX)


def _key(secret: str | None = None) -> bytes:
    return hashlib.sha256(_SALT + (secret or settings.SECRET_KEY).encode()).digest()


def _keys() -> list[bytes]:
    """The current key, then those of SECRET_KEY_FALLBACKS: heads written before a key rotation
    still verify while the old key is kept as a fallback (docs/operations.md)."""
    return [_key()] + [_key(old) for old in getattr(settings, "SECRET_KEY_FALLBACKS", [])]


class HeadWriter:
    """Keeps the head file open; ``write`` is one pwrite (the caller holds the segment's lock)."""

    def __init__(self, segment_path: Path, segment_name: str):
        self._fd = os.open(
            head_path(segment_path), os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o640
        )
        self._key = _key()
        self._prefix = b'{"segment":' + json.dumps(segment_name).encode() + b',"count":'
        self._mac_prefix = segment_name.encode() + b"|"

    def write(self, count: int, head: str) -> None:
        head_bytes = head.encode() if isinstance(head, str) else head
        mac = hmac.digest(self._key, self._mac_prefix + b"%d|%b" % (count, head_bytes), "sha256")
        line = b'%b%d,"head":"%b","mac":"%b"}' % (
            self._prefix,
            count,
            head_bytes,
            mac.hex().encode(),
        )
        os.pwrite(self._fd, line.ljust(SIZE - 1) + b"\n", 0)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def read(segment_path: Path, segment_name: str) -> tuple[dict | None, str | None]:
    """(head, problem): head is None if the file is absent; problem names a bad MAC or format."""
    path = head_path(segment_path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    try:
        data = json.loads(raw)
        count, head, mac = int(data["count"]), str(data["head"]), str(data["mac"])
    except (ValueError, KeyError, TypeError):
        return None, "running head unreadable (damaged or rewritten by hand)"
    message = f"{segment_name}|{count}|{head}".encode()
    signed = any(
        hmac.compare_digest(hmac.digest(key, message, "sha256").hex(), mac) for key in _keys()
    )
    if data.get("segment") != segment_name or not signed:
        return None, "running head's signature does not match (forged or copied from elsewhere)"
    return {"count": count, "head": head}, None
