"""During a fault (database restarting, Redis gone, disk full) visitors get a fast Thai 503 page
with Retry-After, never a traceback; other errors keep the 500 page (issue 17)."""

import errno

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from redis.exceptions import ConnectionError as RedisConnectionError

from prongsai.core.views import server_error


def answer_while_handling(exc):
    request = RequestFactory().get("/")
    try:
        raise exc
    except Exception:  # Django calls handler500 inside the except block, as here
        return server_error(request)


@pytest.mark.parametrize(
    "exc",
    [
        OperationalError("terminating connection due to administrator command"),
        RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused."),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_r40_a_dependency_down_answers_a_thai_503_with_retry_after(exc):
    response = answer_while_handling(exc)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert "ระบบไม่พร้อมให้บริการชั่วคราว" in body
    assert "Traceback" not in body and "terminating" not in body


def test_a_bug_still_answers_500():
    response = answer_while_handling(ZeroDivisionError("division by zero"))
    assert response.status_code == 500
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()
