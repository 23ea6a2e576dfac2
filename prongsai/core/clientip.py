"""Who really sent a request: the peer address, unless a trusted reverse proxy says otherwise.

One rule for the whole site (traffic data R40, visitor counts R10, the public-form rate limit R9,
the sign-in lockout R41), configured by ``TRUSTED_PROXIES`` (CIDRs).

``X-Forwarded-For`` is only read when the TCP peer is one of ``TRUSTED_PROXIES``; it is then
walked from the right (each proxy appends the address it saw) and the first address that is not
itself a trusted proxy is the client. Anything further left was written by the client and
proves nothing. A forged header from an untrusted peer is therefore ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


class TrustedProxies:
    def __init__(self, cidrs: list[str]):
        self.source = cidrs
        self.networks = [ipaddress.ip_network(cidr, strict=False) for cidr in cidrs]
        self.is_trusted = lru_cache(maxsize=1024)(self._is_trusted)

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def resolve(self, meta: dict) -> tuple[str, int | None, bool]:
        """Return (client address, client port or None, whether the peer is a trusted proxy)."""
        peer = meta.get("REMOTE_ADDR") or ""
        port = _port(meta.get("REMOTE_PORT"))
        if not self.networks or not self.is_trusted(peer):
            return peer, port, False
        forwarded = [item.strip() for item in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [_strip_port(item) for item in forwarded if item]
        if not forwarded:
            return peer, port, True
        # The nearest proxy tells the client's source port (nginx: X-Client-Port $remote_port);
        # it belongs to the rightmost address only.
        client_port = _port(meta.get("HTTP_X_CLIENT_PORT"))
        for position in range(len(forwarded) - 1, -1, -1):
            address = forwarded[position]
            if not _valid_ip(address):
                # Garbage where an address should be: stop believing at the last sound hop.
                return (
                    (forwarded[position + 1] if position + 1 < len(forwarded) else peer),
                    (client_port if position + 1 == len(forwarded) - 1 else None),
                    True,
                )
            if not self.is_trusted(address) or position == 0:
                return address, client_port if position == len(forwarded) - 1 else None, True
        return peer, port, True


# (the settings object it was built from, the parsed networks): rebuilt only when the setting is
# replaced (override_settings in tests), so a request costs one identity check, not a CIDR parse.
_cached: tuple[object, TrustedProxies] | None = None


def trusted_proxies() -> TrustedProxies:
    global _cached
    configured = settings.TRUSTED_PROXIES
    cached = _cached
    if cached is None or cached[0] is not configured:
        cached = (configured, TrustedProxies(list(configured)))
        _cached = cached
    return cached[1]


def client_ip(request) -> str:
    """The visitor's address as far as our own proxies vouch for it ("" if unknown)."""
    return trusted_proxies().resolve(request.META)[0]


def axes_client_ip(request) -> str | None:
    """django-axes' AXES_CLIENT_IP_CALLABLE: the same address, None when it is not an IP."""
    address = client_ip(request)
    return address if _valid_ip(address) else None


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _strip_port(value: str) -> str:
    if value.startswith("[") and "]" in value:
        return value[1 : value.index("]")]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def _port(value) -> int | None:
    try:
        port = int(value)
    except (TypeError, ValueError):
        return None
    return port if 0 < port < 65536 else None
