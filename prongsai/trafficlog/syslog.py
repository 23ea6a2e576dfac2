"""Optional forwarding of traffic records to a central syslog server (RFC 5424 over TCP).

Forwarding never sits in the request path: ``manage.py traffic_forward_syslog`` (or the
periodic task) reads what the segments gained since the last run and sends it, framed by
octet counting (RFC 6587 §3.4.1), so a slow or absent syslog server cannot slow or lose a
request. The local segments stay the record of truth; the offsets sent are kept in
``syslog-state.json``. Each message carries the whole chained line, so the central copy can
be verified with the same rule.
"""

import json
import os
import socket
from pathlib import Path

from django.conf import settings

from . import records, store

FACILITY_LOCAL0 = 16
SEVERITY_INFO = 6
STATE_FILE = "syslog-state.json"
APP_NAMES = {
    store.CHECKPOINT_FILE: "prongsai-checkpoint",
    store.ACCESS_AUDIT_FILE: "prongsai-access-audit",
}


def frame(message: bytes, *, app_name: str, msgid: str = "traffic") -> bytes:
    priority = FACILITY_LOCAL0 * 8 + SEVERITY_INFO
    hostname = socket.gethostname()[:255] or "-"
    header = f"<{priority}>1 {records.now_text()} {hostname} {app_name} {os.getpid()} {msgid} - "
    payload = header.encode() + message
    return str(len(payload)).encode() + b" " + payload


def send_lines(
    lines: list[bytes], *, app_name: str = "prongsai-traffic", host=None, port=None, timeout=5.0
) -> None:
    host = host or settings.TRAFFIC_SYSLOG_HOST
    port = port or settings.TRAFFIC_SYSLOG_PORT
    with socket.create_connection((host, port), timeout=timeout) as connection:
        connection.sendall(b"".join(frame(line, app_name=app_name) for line in lines))


def forward_new_records(*, host=None, port=None, batch_lines: int = 5000) -> int:
    """Send every line added to any segment since the last call; return how many were sent."""
    state_path = store.traffic_dir() / STATE_FILE
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    sent = 0
    sources = [(store.relative_name(info.path), info.path) for info in store.list_segments()]
    for name in (store.CHECKPOINT_FILE, store.ACCESS_AUDIT_FILE):
        if (store.traffic_dir() / name).exists():
            sources.append((name, store.traffic_dir() / name))
    for name, path in sources:
        app_name = APP_NAMES.get(name, "prongsai-traffic")
        offset = state.get(name, 0)
        if path.stat().st_size <= offset:
            continue
        with open(path, "rb") as handle:
            handle.seek(offset)
            batch: list[bytes] = []
            for line in handle:
                if not line.endswith(b"\n"):
                    break
                batch.append(line.rstrip(b"\n"))
                offset += len(line)
                if len(batch) >= batch_lines:
                    send_lines(batch, app_name=app_name, host=host, port=port)
                    sent += len(batch)
                    batch = []
                    state[name] = offset
                    _save(state, state_path)
            if batch:
                send_lines(batch, app_name=app_name, host=host, port=port)
                sent += len(batch)
        state[name] = offset
        _save(state, state_path)
    return sent


def _save(state: dict, path: Path) -> None:
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state))
    os.replace(temporary, path)
