"""Optional virus scan with clamd (Debian's ``clamav-daemon``), failing closed.

Off unless ``PRONGSAI_CLAMD_SOCKET`` names clamd's Unix socket. When it is set, a file is
accepted only on clamd's ``OK``: a virus, an error, a timeout or a missing daemon refuses it.
"""

import socket
import struct

from django.conf import settings

from . import refusals
from .refusals import Refused

_CHUNK = 64 * 1024


def scan(data: bytes) -> None:
    path = getattr(settings, "PRONGSAI_CLAMD_SOCKET", "")
    if not path:
        return
    timeout = float(getattr(settings, "PRONGSAI_CLAMD_TIMEOUT", 30))
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(timeout)
            connection.connect(path)
            connection.sendall(b"zINSTREAM\0")
            for start in range(0, len(data), _CHUNK):
                chunk = data[start : start + _CHUNK]
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = connection.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as exc:
        raise Refused(refusals.SCANNER) from exc
    answer = reply.rstrip(b"\0").strip()
    if answer.endswith(b"FOUND"):
        raise Refused(refusals.VIRUS)
    if not answer.endswith(b": OK"):
        raise Refused(refusals.SCANNER)
