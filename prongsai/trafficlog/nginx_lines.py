"""The fast path of nginx ingest: a block of log bytes to stored record text in one pass.

nginx escapes quotes, backslashes, control characters and non-ASCII bytes in logged values as
\\xHH, so nearly every line is plain printable ASCII. ``FAST_LINE`` has the same structure as
``nginx.LINE`` (same groups, same order of alternatives) but its text classes accept only
printable ASCII without a quote or backslash. A line it matches therefore gets the same fields
from ``nginx.LINE``, and those fields are their own JSON text, so the record is built by
concatenating bytes — byte for byte what ``json`` would produce. Any other line (non-ASCII,
escapes, leading zeros, an odd time…) goes to the general path in ``nginx.parse_line``, which
also decides whether it is malformed. Whole-block matching (``finditer``) keeps the per-line
Python work to field joining and two small cache look-ups.
"""

import re
from datetime import datetime

from . import records

_TEXT = rb"[ !#-\[\]-~]"  # printable ASCII except '"' and '\': its own JSON string body
_TOKEN = rb"[!#-\[\]-~]"  # the same without space
FAST_LINE = re.compile(
    rb"(?m)^([0-9A-Fa-f.:]+) [!-~]+ (" + _TOKEN + rb"+) \[([ -\\^-~]+)\] "
    rb'"(' + _TEXT + rb'*)" (\d{3}) (\d+|-) "(' + _TEXT + rb'*)" "(' + _TEXT + rb'*)" '
    rb"([A-Za-z0-9._-]{1,64})"
    rb"(?: (\d{1,5}|-))?(?: (\d+)\.(\d+))?(?: (\d+\.\d+|-))?"
    rb'(?: "(' + _TEXT + rb'*)")?[ \t\r\x0b\x0c]*\n'
)
_CACHE_LIMIT = 100_000


class TimeTexts:
    """Stored time text (and its day) per distinct second: nginx writes many lines per second."""

    def __init__(self):
        self.epoch: dict[bytes, tuple[bytes, bytes, bytes]] = {}
        self.local: dict[bytes, tuple[bytes, bytes]] = {}

    def epoch_parts(self, seconds: bytes) -> tuple[bytes, bytes, bytes]:
        """(up to the second + ".", offset, day) for a ``$msec`` second."""
        if len(self.epoch) > _CACHE_LIMIT:
            self.epoch.clear()
        iso = datetime.fromtimestamp(int(seconds), records.BANGKOK).isoformat().encode()
        parts = self.epoch[seconds] = (iso[:19] + b".", b"000" + iso[19:], iso[:10])
        return parts

    def from_local(self, text: bytes) -> tuple[bytes, bytes]:
        """(time text, day) for a ``$time_local`` value (lines without ``$msec``)."""
        if len(self.local) > _CACHE_LIMIT:
            self.local.clear()
        parsed = datetime.strptime(text.decode(), "%d/%b/%Y:%H:%M:%S %z")
        when = parsed.astimezone(records.BANGKOK).isoformat(timespec="microseconds").encode()
        value = self.local[text] = (when, when[:10])
        return value


def _integer(text: bytes) -> bytes:
    """``int()``'s text: only leading zeros change it ("-" never reaches here)."""
    return b"%d" % int(text) if text[:1] == b"0" and len(text) > 1 else text


def _duration(text: bytes) -> bytes:
    return b"%d" % int(float(text) * 1_000_000)


class BlockParser:
    """Parses blocks of whole lines; keeps the caches between blocks of one ingest run."""

    def __init__(self):
        self.times = TimeTexts()
        self.durations: dict[bytes, bytes] = {}

    def lines(self, data: bytes, start: int, end: int):
        """Yield ``(line_start, line_end, day, first_time, tail)`` for lines that took the fast path
        and ``(line_start, line_end, None, None, None)`` for every other line, in file order.

        ``data[start:end]`` must be whole lines. ``tail`` is the record's JSON text without the
        leading "[seq," — exactly what ``records.encode`` of the same row gives, as UTF-8.
        """
        epoch_cache = self.times.epoch
        epoch_parts = self.times.epoch_parts
        local_cache = self.times.local
        durations = self.durations
        position = start
        for match in FAST_LINE.finditer(data, start, end):
            line_start = match.start()
            while position < line_start:  # lines between matches: the general path decides
                line_end = data.index(b"\n", position) + 1
                yield position, line_end, None, None, None
                position = line_end
            line_end = position = match.end()
            (
                ip,
                user,
                local,
                request,
                status,
                size,
                ref,
                agent,
                rid,
                port,
                secs,
                frac,
                rtime,
                host,
            ) = match.groups()
            method, _space, path = request.partition(b" ")
            if not path or b" " not in path or not method:
                yield line_start, line_end, None, None, None  # odd request line: general path
                continue
            path = path.rpartition(b" ")[0]
            try:
                if secs is not None:
                    parts = epoch_cache.get(secs) or epoch_parts(secs)
                    millis = frac[:3] if len(frac) >= 3 else frac.ljust(3, b"0")
                    when = parts[0] + millis + parts[1]
                    day = parts[2]
                else:
                    when, day = local_cache.get(local) or self.times.from_local(local)
                if rtime is None or rtime == b"-":
                    duration = b"null"
                else:
                    duration = durations.get(rtime)
                    if duration is None:
                        if len(durations) > _CACHE_LIMIT:
                            durations.clear()
                        duration = durations[rtime] = _duration(rtime)
            except (ValueError, OverflowError, OSError):
                yield line_start, line_end, None, None, None  # the general path reports it
                continue
            tail = b'"%b","nginx","%b","%b",%b,"%b","%b","%b",%b,%b,%b,"%b","%b",%b]' % (
                when,
                rid,
                ip,
                b"null" if port is None or port == b"-" else _integer(port),
                method,
                host or b"",
                path,
                _integer(status),
                b"0" if size == b"-" else _integer(size),
                duration,
                b"" if agent == b"-" else agent,
                b"" if ref == b"-" else ref,
                b"null" if user == b"-" else b'"' + user + b'"',
            )
            yield line_start, line_end, day, when, tail
        while position < end:
            line_end = data.index(b"\n", position) + 1
            yield position, line_end, None, None, None
            position = line_end
