"""Counts successful public HTML page views (R10) without slowing the response.

The count is written when the WSGI server closes the response, i.e. after the page has been
handed to the client, so a visitor never waits for it (docs/adr/0050-visitor-counting.md).
"""

import logging

from django.conf import settings

from prongsai.core.clientip import client_ip

from .rules import should_count
from .services import record_page_view

logger = logging.getLogger(__name__)


def _page_title(response) -> str:
    context = getattr(response, "context_data", None) or {}
    page = context.get("page") if hasattr(context, "get") else None
    return str(getattr(page, "title", "") or "")


class CaptureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(settings, "PRONGSAI_ANALYTICS_ENABLED", True) and should_count(
            request, response
        ):
            view = {
                "path": request.path,
                "ip": client_ip(request),
                "user_agent": request.META.get("HTTP_USER_AGENT", "")[:512],
                "title": _page_title(response),
            }
            response._resource_closers.append(lambda: _record_safely(view))
        return response


def _record_safely(view: dict) -> None:
    try:
        record_page_view(**view)
    except Exception:  # a lost count must never turn into a failed page
        logger.exception("visitor count failed for %s", view["path"])
