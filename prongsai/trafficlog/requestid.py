"""The request id a trusted reverse proxy hands us (X-Request-ID), if it looks like one.

Only believed when the peer is a trusted proxy (prongsai/core/clientip.py); anything else, or
anything that is not a short token, gets a fresh random id so records cannot be spoofed.
"""

import re

_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


def trusted_request_id(value: str | None) -> str | None:
    if value and _REQUEST_ID.fullmatch(value):
        return value
    return None
