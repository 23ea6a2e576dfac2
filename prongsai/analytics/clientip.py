"""The client's address behind TRUSTED_PROXY_COUNT reverse proxies (same rule as django-axes).

Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is the entry
that many places from the right; anything further left was written by the client and is not
trusted.
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
