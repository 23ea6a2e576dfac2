"""Page views as a stream of log lines, counted in batches (R10, docs/adr/0131-visits-from-the-nginx-log.md).

A countable page response carries ``X-Prongsai-Page`` (the page id, or "-"). Behind nginx,
nginx writes one JSON line per response that carries it, cache hits included, to its visits
log; without nginx (the demo, development) the application appends the same line itself
(``PRONGSAI_VISITS_WRITER = "app"``). Never both, so no view is counted twice. A periodic job
(``count_visits``) reads the new lines and adds them to the daily tables in one transaction,
together with how far it read, so each line is counted exactly once.

The parser is tolerant: any JSON object with the fields it needs is a view line; unknown
fields are ignored and missing optional ones (the client port, the cache status) are fine.
"""

import datetime as dt
import gzip
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .rules import is_bot

READ_BYTES = 4 * 1024 * 1024


def visits_dir() -> Path:
    return Path(settings.PRONGSAI_VISITS_DIR)


def app_log_path(day: dt.date | None = None) -> Path:
    """The application's own visits log of a day (one file per day, so old ones can go)."""
    day = day or timezone.localdate()
    return visits_dir() / f"visits-{day.isoformat()}.log"


def append_view(*, page: str, ip: str, port: str, user_agent: str, path: str, rid: str) -> None:
    """One line, one ``write(2)`` on an O_APPEND descriptor: whole lines from many workers."""
    line = json.dumps(
        {
            "t": f"{timezone.now().timestamp():.3f}",
            "rid": rid,
            "m": "GET",
            "s": "200",
            "page": page,
            "ip": ip,
            "port": port,
            "ua": user_agent,
            "path": path,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    target = app_log_path()
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class View:
    when: dt.datetime
    page_id: int | None
    path: str
    ip: str
    user_agent: str


@dataclass
class Parsed:
    views: list[View] = field(default_factory=list)
    ignored: int = 0  # well-formed lines that are not counted (HEAD, 304, bots)
    malformed: list[int] = field(default_factory=list)  # line numbers


def parse_line(raw: bytes) -> View | None | bool:
    """A View, False for a line that is well-formed but not counted, None when malformed."""
    try:
        item = json.loads(raw.decode("utf-8", "replace"))
        when = dt.datetime.fromtimestamp(float(item["t"]), dt.UTC)
        method, status, page = item["m"], str(item["s"]), str(item["page"])
        path, ip, agent = str(item["path"]), str(item["ip"]), str(item.get("ua", ""))
    except (ValueError, KeyError, TypeError, OverflowError, OSError):
        return None
    if method != "GET" or status != "200" or not page or is_bot(agent):
        return False
    page_id = int(page) if page.isdigit() else None
    return View(when=when, page_id=page_id, path=path[:255], ip=ip, user_agent=agent[:512])


def file_key(path: Path) -> str | None:
    """A file is known by its first line (rotation and gzip keep it), as the traffic ingest does."""
    with _open(path) as handle:
        first = handle.readline()
    if not first.endswith(b"\n"):
        return None
    return hashlib.sha256(first).hexdigest()


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")  # noqa: SIM115


def read_from(path: Path, offset: int, first_line: int) -> tuple[Parsed, int, int]:
    """Parse whole lines from ``offset``; returns them, the new offset and line number.

    A last line without its newline is still being written and is left for the next run."""
    parsed = Parsed()
    number = first_line
    with _open(path) as handle:
        handle.seek(offset)
        carry = b""
        while block := handle.read(READ_BYTES):
            data = carry + block
            whole = data.rfind(b"\n") + 1
            for raw in data[:whole].splitlines():
                number += 1
                result = parse_line(raw)
                if result is None:
                    parsed.malformed.append(number)
                elif result is False:
                    parsed.ignored += 1
                else:
                    parsed.views.append(result)
            offset += whole
            carry = data[whole:]
    return parsed, offset, number
