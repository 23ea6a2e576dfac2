"""Capture one traffic record per request (R40): outermost middleware, written before the reply.

The record is appended (one ``os.write``) before the response is handed back to the server, so
any request that got a response has its record even if the worker is killed right after. For
streaming responses the record is written just before the last chunk is handed over, when the
byte count is known. If the record cannot be stored the request fails closed with 503.
"""

import logging
import os
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.functional import empty
from django.utils.translation import gettext as _

from prongsai.core.clientip import trusted_proxies

from . import records, store
from .requestid import trusted_request_id

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "X-Request-ID"


class CaptureMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        trusted_proxies()  # a malformed TRUSTED_PROXIES fails at start-up, not on a request

    def __call__(self, request):
        started_ns = time.perf_counter_ns()
        arrived = records.now_text()
        meta = request.META
        client_ip, client_port, via_proxy = trusted_proxies().resolve(meta)
        request_id = (via_proxy and trusted_request_id(meta.get("HTTP_X_REQUEST_ID"))) or (
            os.urandom(16).hex()
        )
        request.request_id = request_id

        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id

        def values(bytes_sent: int) -> list:
            return [
                arrived,
                records.SOURCE_APP,
                request_id,
                client_ip,
                client_port,
                request.method,
                meta.get("HTTP_HOST") or meta.get("SERVER_NAME", ""),
                meta.get("RAW_URI") or _path_and_query(request),
                response.status_code,
                bytes_sent,
                (time.perf_counter_ns() - started_ns) // 1000,
                meta.get("HTTP_USER_AGENT", ""),
                meta.get("HTTP_REFERER", ""),
                _user_id(request),
            ]

        if response.streaming and not getattr(response, "is_async", False):
            _record_when_streamed(response, values)
            return response
        size = len(response.content) if not response.streaming else _declared_length(response)
        try:
            store.process_writer().append(values(size))
        except OSError as exc:
            logger.exception("Traffic record not stored; refusing the response (fail closed)")
            _tell_write_failed(exc)
            failed = HttpResponse(
                _("ระบบบันทึกข้อมูลจราจรทางคอมพิวเตอร์ขัดข้อง กรุณาลองใหม่ภายหลัง"),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
            failed[REQUEST_ID_HEADER] = request_id
            return failed
        return response


def _tell_write_failed(exc: OSError) -> None:
    from .signals import write_failed

    try:
        write_failed.send(sender=CaptureMiddleware, error=str(exc))
    except Exception:  # the refusal must go out even if recording it fails (database down too)
        logger.exception("Could not record the traffic write failure")


def _record_when_streamed(response, values) -> None:
    state = {"done": False, "sent": 0}

    def finish() -> None:
        if not state["done"]:
            state["done"] = True
            store.process_writer().append(values(state["sent"]))

    def counted(content):
        try:
            iterator = iter(content)
            chunk = next(iterator, None)
            while chunk is not None:
                following = next(iterator, None)
                state["sent"] += len(chunk)
                if following is None:
                    finish()  # before the last chunk leaves: the client cannot finish unrecorded
                yield chunk
                chunk = following
        finally:
            finish()

    # Assigning a generator also switches off wsgi.file_wrapper for FileResponse, which would
    # otherwise bypass the count.
    response.streaming_content = counted(response.streaming_content)
    response._resource_closers.append(finish)


def _path_and_query(request) -> str:
    # gunicorn gives RAW_URI (exactly what the client sent); other servers get this fallback.
    query = request.META.get("QUERY_STRING", "")
    return f"{request.path}?{query}" if query else request.path


def _declared_length(response) -> int:
    try:
        return int(response.get("Content-Length", 0))
    except ValueError:
        return 0


def _user_id(request):
    """The user id without an extra query: the evaluated user, else the session's claim."""
    user = getattr(request, "user", None)
    if user is not None:
        wrapped = getattr(user, "_wrapped", user)
        if wrapped is not empty:
            return wrapped.pk if getattr(wrapped, "is_authenticated", False) else None
    session = getattr(request, "session", None)
    if session is not None and request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        try:
            value = session.get("_auth_user_id")
        except Exception:  # a broken session store must not lose the traffic record
            logger.exception("Session unreadable while recording traffic data")
            return None
        return int(value) if value and str(value).isdigit() else value
    return None
