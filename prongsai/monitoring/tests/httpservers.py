"""Loopback-only HTTP servers standing in for other agencies' websites in link-check tests."""

import contextlib
import http.server
import socket
import threading


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, body: bool):
        if self.path.startswith("/missing"):
            self.send_response(404)
        elif self.path.startswith("/no-head") and self.command == "HEAD":
            self.send_response(405)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "2" if body else "0")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self.server.requests.append(("HEAD", self.path))
        self._answer(body=False)

    def do_GET(self):  # noqa: N802
        self.server.requests.append(("GET", self.path))
        self._answer(body=True)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def answering_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def silent_server():
    """Accepts connections (the kernel completes the handshake) and never says a word."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(50)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()
