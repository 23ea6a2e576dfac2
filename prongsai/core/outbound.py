"""Requests to addresses that people typed: only to the public internet (ASVS 1.3.6, 13.2.5).

The link checker and the parent body's checks fetch URLs written by staff and by member
agencies. Without a guard such a URL makes the server a proxy into its own network
(``http://127.0.0.1:6379/``, ``http://169.254.169.254/``, the database host). ``fetch`` here:

- accepts only ``http`` and ``https``;
- resolves the host itself and refuses when ANY address it resolves to is loopback, private,
  link-local, multicast, reserved, shared (100.64/10), unspecified or otherwise not global,
  for IPv4 and IPv6, including IPv4 carried inside IPv6 (mapped, 6to4, Teredo, NAT64);
- connects to the address it checked (the socket is pinned, with the Host header and TLS
  name still the host's), so a second DNS answer cannot switch it to an internal address
  (DNS rebinding);
- follows redirects itself, at most ``max_redirects``, checking every hop the same way;
- stops reading after ``max_bytes`` and gives up after ``total_seconds``.

``PRONGSAI_OUTBOUND_ALLOWED_NETWORKS`` (a list of CIDR strings, empty by default) lets
named internal networks through. It exists for tests that need a real server on loopback;
production never sets it (docs/adr/0250-outbound-requests-guard.md).
"""

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse

from django.conf import settings

REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


class OutboundRefused(Exception):
    """The URL points somewhere the server must not go; never retried, never "broken"."""

    def __init__(self, reason: str, url: str = ""):
        super().__init__(reason)
        self.reason = reason  # "scheme", "address", "url"
        self.url = url


class TooManyRedirects(OSError):
    pass


@dataclasses.dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    url: str  # the last hop's URL
    headers: dict


def _allowed_networks():
    networks = []
    for value in getattr(settings, "PRONGSAI_OUTBOUND_ALLOWED_NETWORKS", ()) or ():
        networks.append(ipaddress.ip_network(value, strict=False))
    return networks


def _carried_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """IPv4 addresses an IPv6 address carries, which the network may route to in the end."""
    carried = []
    if address.ipv4_mapped:
        carried.append(address.ipv4_mapped)
    if address.sixtofour:
        carried.append(address.sixtofour)
    if address.teredo:
        carried.extend(address.teredo)
    if address in _NAT64 or address in _NAT64_LOCAL:
        carried.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if int(address) >> 32 == 0 and int(address) > 0xFFFF:  # deprecated IPv4-compatible ::a.b.c.d
        carried.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return carried


def is_public_address(address) -> bool:
    """True for an address on the public internet (or in an explicitly allowed network)."""
    address = ipaddress.ip_address(address)
    if any(address in network for network in _allowed_networks()):
        return True
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        carried = _carried_ipv4(address)
        if carried:
            return all(is_public_address(v4) for v4 in carried)
        if address.is_site_local:
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_unspecified
    )


def _target(url: str) -> tuple[urllib.parse.SplitResult, str, int]:
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        raise OutboundRefused("url", url) from None
    if parts.scheme not in ("http", "https"):
        raise OutboundRefused("scheme", url)
    host = parts.hostname
    if not host:
        raise OutboundRefused("url", url)
    return parts, host, port or (443 if parts.scheme == "https" else 80)


def resolve_public(host: str, port: int) -> str:
    """The address to connect to; ``OutboundRefused`` if any answer is not public."""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise OutboundRefused("url") from None
    answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [info[4][0] for info in answers]
    if not addresses:
        raise OSError(f"no address for {host}")
    if not all(is_public_address(address.split("%")[0]) for address in addresses):
        # One internal answer is enough: a round-robin of public and internal addresses is
        # how rebinding attacks are usually served.
        raise OutboundRefused("address")
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.pinned_address = address

    def connect(self):
        self.sock = socket.create_connection((self.pinned_address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.pinned_address = address

    def connect(self):
        sock = socket.create_connection((self.pinned_address, self.port), self.timeout)
        # The certificate is checked against the host's name, not the pinned address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _limit_wait(connection, timeout: float, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("total time exceeded")
    if connection.sock is not None:
        connection.sock.settimeout(min(timeout, remaining))


def _one_request(url, method, headers, timeout, deadline, max_bytes) -> Answer:
    parts, host, port = _target(url)
    address = resolve_public(host, port)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("total time exceeded")
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(host, port, address, min(timeout, remaining))
    # Thai paths are common on agencies' sites; percent-encode what is not ASCII, keep the rest.
    safe = "/%:@!$&'()*+,;=-._~?"
    path = urllib.parse.quote(parts.path or "/", safe=safe)
    if parts.query:
        path += "?" + urllib.parse.quote(parts.query, safe=safe)
    try:
        connection.request(method, path, headers=headers)
        _limit_wait(connection, timeout, deadline)
        response = connection.getresponse()
        body = bytearray()
        if method != "HEAD":
            while len(body) < max_bytes:
                # A server dripping one byte at a time must not hold the worker past the deadline.
                _limit_wait(connection, timeout, deadline)
                chunk = response.read1(min(65536, max_bytes - len(body)))
                if not chunk:
                    break
                body += chunk
        return Answer(response.status, bytes(body), url, dict(response.getheaders()))
    finally:
        connection.close()


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: dict | None = None,
    timeout: float = 10,
    total_seconds: float | None = None,
    max_bytes: int = 512 * 1024,
    max_redirects: int = 5,
) -> Answer:
    """GET or HEAD ``url`` on the public internet, following redirects; see the module doc.

    Raises ``OutboundRefused`` for a URL the server must not request (at any hop),
    ``TimeoutError`` / ``OSError`` / ``http.client.HTTPException`` for network trouble.
    """
    deadline = time.monotonic() + (total_seconds if total_seconds is not None else 3 * timeout)
    headers = dict(headers or {})
    current = url
    for _hop in range(max_redirects + 1):
        answer = _one_request(current, method, headers, timeout, deadline, max_bytes)
        location = answer.headers.get("Location") or answer.headers.get("location")
        if answer.status not in REDIRECTS or not location:
            return answer
        current = urllib.parse.urljoin(current, location.strip())
        if answer.status == 303 and method != "HEAD":
            method = "GET"
    raise TooManyRedirects(f"more than {max_redirects} redirects")
