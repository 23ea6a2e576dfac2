"""R40: one record per request, with the real client address and a request id."""

import json

import pytest
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from prongsai.trafficlog import chain, store
from prongsai.trafficlog.middleware import CaptureMiddleware
from prongsai.trafficlog.records import as_dict
from prongsai.trafficlog.verify import verify_all


def recorded(traffic_dir) -> list[list]:
    rows = []
    for info in store.list_segments(traffic_dir):
        with open(info.path, "rb") as handle:
            rows += [json.loads(chain.body_of(line)) for line in list(handle)[1:]]
    return rows


def by_field(row: list) -> dict:
    return as_dict(row)


@pytest.mark.django_db
def test_r40_forged_x_forwarded_for_from_untrusted_peer_records_the_real_peer(client, traffic_dir):
    client.get(
        "/no-such-page/",
        REMOTE_ADDR="198.51.100.23",
        REMOTE_PORT="51515",
        HTTP_X_FORWARDED_FOR="1.2.3.4",
        HTTP_X_CLIENT_PORT="1111",
    )
    (row,) = [by_field(row) for row in recorded(traffic_dir)]
    assert row["client_ip"] == "198.51.100.23"
    assert row["client_port"] == 51515
    assert row["path"] == "/no-such-page/"


@pytest.mark.django_db
def test_r40_trusted_proxy_forwarded_address_and_port_are_believed(client, traffic_dir, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    client.get(
        "/no-such-page/?q=1",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.77",
        HTTP_X_CLIENT_PORT="44321",
        HTTP_USER_AGENT="Tester/1.0",
        HTTP_REFERER="https://example.go.th/",
        HTTP_HOST="www.example.go.th",
    )
    (row,) = [by_field(row) for row in recorded(traffic_dir)]
    # 1.2.3.4 was written by the client itself: only the address the proxy saw is believed.
    assert row["client_ip"] == "203.0.113.77"
    assert row["client_port"] == 44321
    assert row["user_agent"] == "Tester/1.0"
    assert row["referrer"] == "https://example.go.th/"
    assert row["host"] == "www.example.go.th"
    assert row["path"] == "/no-such-page/?q=1"
    assert row["method"] == "GET"
    assert row["status"] == 404
    assert row["bytes_sent"] > 0
    assert row["duration_us"] >= 0
    assert row["time"].endswith("+07:00") and "." in row["time"]


@pytest.mark.django_db
def test_r40_response_carries_the_recorded_request_id(client, traffic_dir):
    response = client.get("/no-such-page/", REMOTE_ADDR="198.51.100.1")
    request_id = response.headers["X-Request-ID"]
    assert len(request_id) == 32
    (row,) = [by_field(row) for row in recorded(traffic_dir)]
    assert row["request_id"] == request_id


@pytest.mark.django_db
def test_request_id_is_taken_only_from_a_trusted_proxy(client, traffic_dir, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    trusted = client.get("/x/", REMOTE_ADDR="10.1.1.1", HTTP_X_REQUEST_ID="abc123")
    forged = client.get("/x/", REMOTE_ADDR="198.51.100.1", HTTP_X_REQUEST_ID="abc123")
    assert trusted.headers["X-Request-ID"] == "abc123"
    assert forged.headers["X-Request-ID"] != "abc123"


@pytest.mark.django_db
def test_authenticated_user_id_is_recorded(client, traffic_dir, superuser):
    client.force_login(superuser)
    client.get("/no-such-page/", REMOTE_ADDR="198.51.100.1")
    (row,) = [by_field(row) for row in recorded(traffic_dir)]
    assert row["user_id"] == superuser.pk


@pytest.mark.django_db
def test_streaming_response_bytes_are_counted_and_recorded_before_the_last_chunk(traffic_dir):
    seen_before_last = []

    def view(request):
        def chunks():
            yield b"a" * 1000
            yield b"b" * 500
            seen_before_last.append(len(list(store.list_segments(traffic_dir))))
            yield b"c" * 25

        return StreamingHttpResponse(chunks())

    request = RequestFactory().get("/stream/", REMOTE_ADDR="198.51.100.1")
    response = CaptureMiddleware(view)(request)
    assert recorded(traffic_dir) == []  # nothing sent yet
    body = b"".join(response.streaming_content)
    response.close()
    (row,) = [by_field(row) for row in recorded(traffic_dir)]
    assert len(body) == 1525
    assert row["bytes_sent"] == 1525
    assert row["request_id"] == response.headers["X-Request-ID"]


def test_record_that_cannot_be_stored_fails_the_request_closed(settings, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    settings.TRAFFIC_DIR = blocker
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1")
    from django.http import HttpResponse

    response = CaptureMiddleware(lambda request: HttpResponse("secret page"))(request)
    assert response.status_code == 503
    assert b"secret page" not in response.content


@pytest.mark.django_db
def test_captured_records_form_a_verifiable_chain(client, traffic_dir):
    for number in range(5):
        client.get(f"/page-{number}/", REMOTE_ADDR="198.51.100.1")
    result = verify_all()
    assert result.ok, result.first_problem()
    assert result.records == 5
