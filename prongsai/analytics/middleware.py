"""Marks countable public page views (R10); the count itself is made later, from a log.

The response gets ``X-Prongsai-Page`` (the page id, or "-"). Behind nginx that header is all:
nginx logs every response carrying it, cache hits included (the cache replays the header),
and the periodic ``count_visits`` job counts the log. Without nginx (``PRONGSAI_VISITS_WRITER
= "app"``) this middleware appends the same line itself. Either way no database write happens
during the request (docs/adr/0131-visits-from-the-nginx-log.md).

Whether a response is countable does not depend on who asked (except staff, whose pages are
never cached): the same cached response is replayed to everyone, so bots are filtered when
the log is counted, from the user agent on each line.
"""

import logging

from django.conf import settings

from prongsai.core.clientip import client_ip

from . import visitlog
from .rules import is_countable

logger = logging.getLogger(__name__)
HEADER = "X-Prongsai-Page"


def _page_marker(response) -> str:
    context = getattr(response, "context_data", None) or {}
    page = context.get("page") if hasattr(context, "get") else None
    page_id = getattr(page, "pk", None)
    return str(page_id) if isinstance(page_id, int) else "-"


class CaptureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.PRONGSAI_ANALYTICS_ENABLED:
            return response
        if not is_countable(request, response):
            return response
        marker = _page_marker(response)
        response[HEADER] = marker
        if settings.PRONGSAI_VISITS_WRITER == "app":
            try:
                visitlog.append_view(
                    page=marker,
                    ip=client_ip(request),
                    port=str(request.META.get("REMOTE_PORT", "")),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                    path=request.path,
                    rid=getattr(request, "request_id", ""),
                )
            except OSError:  # a lost count must never turn into a failed page
                logger.exception("visitor count line not written for %s", request.path)
        return response
