"""Friendly Thai error pages. The 500 page renders without context so it cannot fail itself."""

import sys

from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from prongsai.core import sitestate


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def _temporarily_unavailable(exc) -> bool:
    """A dependency is down (database restarting, Redis gone, disk full): try again soon."""
    import errno

    from django.db import InterfaceError, OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    if isinstance(exc, (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)):
        return True
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def server_error(request):
    if _temporarily_unavailable(sys.exc_info()[1]):
        # 503 with Retry-After, not 500: nothing is wrong with the request or the code, and
        # clients and monitors should come back rather than report a bug (docs/operations.md).
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())


def robots_txt(request):
    """Crawlers keep out of the back office and search results, and find the sitemap on the
    site's configured host (not the address the crawler used)."""
    site = sitestate.for_request(request).site
    root_url = site.root_url.rstrip("/") if site is not None else ""
    return render(
        request, "core/robots.txt", {"root_url": root_url}, content_type="text/plain; charset=utf-8"
    )
