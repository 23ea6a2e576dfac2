"""The outbound guard (ASVS 1.3.6, 13.2.5; R32, R36; ADR 0250), against real sockets on loopback.

Before it, the link checker and the parent body's checks requested whatever URL a page or a
member agency gave, internal addresses and redirects into them included.
"""

import contextlib
import http.server
import socket
import threading
import time
import urllib.parse

import pytest

from prongsai.core import outbound

LOOPBACK_ONLY_FIRST = ["127.0.0.1/32"]  # the test-only allowlist: 127.0.0.2 stays refused


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.requests.append((self.path, self.headers.get("Host")))
        route = self.server.routes.get(self.path, (200, {}, b"ok"))
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if callable(body):
            self.send_header("Content-Length", "1000")
            self.end_headers()
            body(self.wfile)
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def server_on(address: str, routes=None):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET

    class Server(http.server.ThreadingHTTPServer):
        address_family = family

    server = Server((address, 0), _Handler)
    server.requests, server.routes = [], routes or {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # noqa: S104 - an address under test, nothing binds to it
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fec0::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:10.0.0.1",
        "::127.0.0.1",  # IPv4-compatible (deprecated)
        "2002:7f00:1::1",  # 6to4 around 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 around 169.254.169.254
        "2001:db8::1",  # documentation
    ],
)
def test_asvs_1_3_6_internal_addresses_are_not_public(address):
    assert not outbound.is_public_address(address)


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]
)
def test_asvs_1_3_6_public_addresses_are(address):
    assert outbound.is_public_address(address)


def test_asvs_13_2_5_a_real_server_on_loopback_is_refused_and_never_reached():
    with server_on("127.0.0.1") as (server, port):
        for url in (
            f"http://127.0.0.1:{port}/",
            f"http://localhost:{port}/",
            f"http://2130706433:{port}/",  # 127.0.0.1 as one number
            f"http://0x7f000001:{port}/",
            f"http://127.1:{port}/",
        ):
            with pytest.raises(outbound.OutboundRefused) as refused:
                outbound.fetch(url, timeout=2)
            assert refused.value.reason == "address", url
    assert server.requests == []


def test_asvs_13_2_5_ipv6_loopback_is_refused():
    with server_on("::1") as (server, port):
        with pytest.raises(outbound.OutboundRefused):
            outbound.fetch(f"http://[::1]:{port}/", timeout=2)
        with pytest.raises(outbound.OutboundRefused):
            outbound.fetch(f"http://[::ffff:127.0.0.1]:{port}/", timeout=2)
    assert server.requests == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:6379/_INFO", "http://"]
)
def test_asvs_13_2_5_only_http_and_https_with_a_host(url):
    with pytest.raises(outbound.OutboundRefused):
        outbound.fetch(url, timeout=2)


def test_asvs_13_2_5_every_redirect_hop_is_checked(settings):
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = LOOPBACK_ONLY_FIRST
    with server_on("127.0.0.2") as (inside, inside_port):
        routes = {
            "/to-inside": (302, {"Location": f"http://127.0.0.2:{inside_port}/secret"}, b""),
            "/to-v6": (301, {"Location": "http://[::1]/"}, b""),
            "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        }
        with server_on("127.0.0.1", routes) as (_allowed, port):
            for path in routes:
                with pytest.raises(outbound.OutboundRefused):
                    outbound.fetch(f"http://127.0.0.1:{port}{path}", timeout=2)
    assert inside.requests == []


def test_asvs_13_2_5_redirects_are_followed_a_bounded_number_of_times(settings):
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = LOOPBACK_ONLY_FIRST
    routes = {"/loop": (302, {"Location": "/loop"}, b""), "/hop": (301, {"Location": "/"}, b"")}
    with server_on("127.0.0.1", routes) as (server, port):
        assert outbound.fetch(f"http://127.0.0.1:{port}/hop", timeout=2).status == 200
        with pytest.raises(outbound.TooManyRedirects):
            outbound.fetch(f"http://127.0.0.1:{port}/loop", timeout=2, max_redirects=3)
    assert [path for path, _host in server.requests].count("/loop") == 4


def test_asvs_13_2_5_the_connection_goes_to_the_address_that_was_checked(settings, monkeypatch):
    """DNS rebinding: the name answers an allowed address when checked and an internal one
    afterwards; the request must still go to the first (the socket is pinned)."""
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = LOOPBACK_ONLY_FIRST
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "127.0.0.2", "127.0.0.2"])

    def rebinding(host, port, *args, **kwargs):
        if host == "agency.example":
            return real(next(answers), port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with server_on("127.0.0.2") as (inside, _), server_on("127.0.0.1") as (checked, port):
        inside_port = inside.server_address[1]
        assert inside_port != port
        answer = outbound.fetch(f"http://agency.example:{port}/page", timeout=2)
    assert answer.status == 200
    assert checked.requests == [("/page", f"agency.example:{port}")]
    assert inside.requests == []


def test_asvs_13_2_5_answers_are_capped_in_size_and_time(settings):
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = LOOPBACK_ONLY_FIRST

    def trickle(stream):
        for _ in range(100):
            stream.write(b"x")
            stream.flush()
            time.sleep(0.1)

    routes = {"/big": (200, {}, b"y" * 100_000), "/slow": (200, {}, trickle)}
    with server_on("127.0.0.1", routes) as (_server, port):
        answer = outbound.fetch(f"http://127.0.0.1:{port}/big", timeout=2, max_bytes=1000)
        assert len(answer.body) == 1000
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            outbound.fetch(f"http://127.0.0.1:{port}/slow", timeout=2, total_seconds=0.5)
        assert time.monotonic() - started < 2


def test_r32_a_thai_path_is_requested_percent_encoded(settings):
    settings.PRONGSAI_OUTBOUND_ALLOWED_NETWORKS = LOOPBACK_ONLY_FIRST
    with server_on("127.0.0.1") as (server, port):
        answer = outbound.fetch(f"http://127.0.0.1:{port}/ข่าว/?q=ประกาศ", timeout=2)
    assert answer.status == 200
    path, query = server.requests[0][0].split("?")
    assert path == "/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/"
    assert urllib.parse.unquote(query) == "q=ประกาศ"
