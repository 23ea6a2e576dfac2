"""R40 option: records forwarded to a central syslog server as RFC 5424 over TCP."""

import re
import socket
import threading
import time

from prongsai.trafficlog.syslog import forward_new_records


def loopback_syslog_server():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    received = bytearray()

    def serve():
        server.settimeout(10)
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            with connection:
                while chunk := connection.recv(65536):
                    received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return server, received


def frames(data: bytes) -> list[bytes]:
    """Split octet-counted frames (RFC 6587 3.4.1)."""
    out = []
    while data:
        length, _, rest = data.partition(b" ")
        out.append(rest[: int(length)])
        data = rest[int(length) :]
    return out


def test_new_records_are_sent_once_as_rfc5424_frames(write_segment, traffic_dir):
    server, received = loopback_syslog_server()
    port = server.getsockname()[1]
    path = write_segment(3)
    # The segment's header line travels too, so the central copy verifies on its own; and the
    # checkpoint file's "open" entry for the segment.
    assert forward_new_records(host="127.0.0.1", port=port) == 5
    assert forward_new_records(host="127.0.0.1", port=port) == 0
    deadline = time.monotonic() + 5
    while len(frames(bytes(received))) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.close()
    all_messages = frames(bytes(received))
    assert sum(b" prongsai-checkpoint " in message for message in all_messages) == 1
    messages = [message for message in all_messages if b" prongsai-traffic " in message]
    assert len(messages) == 4
    header = re.compile(
        rb"^<134>1 \d{4}-\d\d-\d\dT[\d:.]+\+07:00 \S+ prongsai-traffic \d+ traffic - "
    )
    stored_lines = path.read_bytes().splitlines()
    for message, line in zip(messages, stored_lines, strict=True):
        assert header.match(message)
        assert message.endswith(line)
