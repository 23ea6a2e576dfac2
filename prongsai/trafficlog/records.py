"""What one traffic record holds, in which order (the body of a chained line is a JSON array).

Arrays rather than objects keep a record near 300 bytes; the field names are written once in
each segment's first record so a file explains itself without this module.
"""

import json
import zoneinfo
from datetime import datetime

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")

FIELDS = (
    "seq",
    "time",
    "source",
    "request_id",
    "client_ip",
    "client_port",
    "method",
    "host",
    "path",
    "status",
    "bytes_sent",
    "duration_us",
    "user_agent",
    "referrer",
    "user_id",
)
INDEX = {name: position for position, name in enumerate(FIELDS)}

# Sources of request records; "segment" marks a file's own first record (metadata).
SOURCE_APP = "app"
SOURCE_NGINX = "nginx"
SOURCE_SEGMENT = "segment"

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def now_text() -> str:
    return datetime.now(BANGKOK).isoformat(timespec="microseconds")


def encode(values: list) -> str:
    """JSON keeps control characters escaped, so a forged header cannot inject a line (ASVS 16.4.1)."""
    return _dumps(values)


def decode(body: bytes | str) -> list:
    return json.loads(body)


def as_dict(values: list) -> dict:
    return dict(zip(FIELDS, values, strict=False))
