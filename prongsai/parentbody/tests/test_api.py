"""R36: the province's API. Signed pushes, stored once, late marked late; every refusal a 4xx
with a Thai message and a recorded call, never a 500."""

import base64
import json
import time
import uuid

import pytest
from django.test import override_settings
from django.urls import reverse

from prongsai.filecheck.tests.hostile import builders
from prongsai.parentbody import tokens
from prongsai.parentbody.models import ApiCall, Submission, SubmissionStatus

from .conftest import at

pytestmark = pytest.mark.django_db
URL = "/api/parentbody/v1/reports/"
PDF = builders.pdf()  # a real PDF: pushed reports are checked by content (ADR 0150)


def body(report_uuid=None, **extra) -> bytes:
    data = {
        "report_uuid": str(report_uuid or uuid.uuid4()),
        "fiscal_year": 2027,
        "round": "r6",
        "period_label": "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2570",
        "written": {"results": "เผยแพร่ครบ", "problems": "งบประมาณไม่พอ"},
        "figures": {"published": {"total": 12}},
        "approved_by": "นางสาวผู้อนุมัติ ทดสอบ",
        "pdf": base64.b64encode(PDF).decode(),
    }
    data.update(extra)
    return json.dumps(data, ensure_ascii=False).encode()


def post(client, token, payload: bytes, **headers):
    signed = tokens.signed_headers(token, payload)
    signed.update(headers)
    return client.post(
        URL,
        data=payload,
        content_type="application/json",
        headers={k: v for k, v in signed.items() if k != "Content-Type"},
    )


@pytest.fixture
def token_a(coordinator, agencies):
    return tokens.issue_token(coordinator, agencies["a"])


def test_r36_route_is_the_api_path():
    assert reverse("parentbody:api-reports") == URL


def test_r36_push_is_stored_with_the_token_that_sent_it(client, round_, token_a, in_round):
    response = post(client, token_a, body())
    assert response.status_code == 201, response.content
    assert response.json()["ok"] is True
    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.channel == "api"
    assert submission.answers["results"] == "เผยแพร่ครบ" and bytes(submission.pdf) == PDF
    call = ApiCall.objects.get()
    assert call.token.key_id == token_a.split(".")[0] == submission.token.key_id
    assert call.submission == submission and call.status_code == 201


def test_r36_replayed_push_is_stored_once(client, round_, token_a, in_round):
    payload = body()
    first = post(client, token_a, payload)
    second = post(client, token_a, payload)  # the very same signed request, sent again
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["duplicate"] is True
    assert Submission.objects.count() == 1
    assert list(ApiCall.objects.order_by("pk").values_list("outcome", flat=True)) == [
        "stored",
        "duplicate",
    ]


def test_r36_late_push_is_accepted_and_marked_late(client, round_, token_a):
    import time_machine

    with time_machine.travel(at(2027, 5, 25), tick=False):
        response = post(client, token_a, body())
    assert response.status_code == 201 and response.json()["late"] is True
    assert Submission.objects.get().status == SubmissionStatus.LATE


def test_r36_wrong_token_is_403_and_recorded(client, round_, token_a, in_round):
    key_id, _secret = tokens.split_token(token_a)
    response = post(client, f"{key_id}.not-the-secret", body())
    assert response.status_code == 403
    assert "กุญแจ API ไม่ถูกต้อง" in response.json()["message"]
    unknown = post(client, "nosuchkey.secret", body())
    assert unknown.status_code == 403
    outcomes = list(ApiCall.objects.order_by("pk").values_list("outcome", "key_id"))
    assert outcomes == [("bad_signature", key_id), ("unknown_token", "nosuchkey")]
    assert not Submission.objects.exists()


def test_r36_revoked_token_is_403_and_recorded_rotation_gives_a_working_one(
    client, round_, agencies, coordinator, token_a, in_round
):
    new = tokens.rotate_token(coordinator, agencies["a"])
    refused = post(client, token_a, body())
    assert refused.status_code == 403
    assert ApiCall.objects.get().outcome == "revoked_token"
    assert post(client, new, body()).status_code == 201


def test_r36_token_of_another_agency_cannot_overwrite_its_report(
    client, round_, agencies, coordinator, token_a, in_round
):
    report_uuid = uuid.uuid4()
    assert post(client, token_a, body(report_uuid)).status_code == 201
    token_b = tokens.issue_token(coordinator, agencies["b"])
    response = post(client, token_b, body(report_uuid))
    assert response.status_code == 409
    assert "หน่วยงานอื่น" in response.json()["message"]
    assert Submission.objects.get().agency == agencies["a"]


def test_r36_stale_timestamp_is_refused(client, round_, token_a, in_round):
    payload = body()
    old = tokens.signed_headers(token_a, payload, now=time.time() - 3600)
    response = client.post(
        URL,
        data=payload,
        content_type="application/json",
        headers={k: v for k, v in old.items() if k != "Content-Type"},
    )
    assert response.status_code == 403 and ApiCall.objects.get().outcome == "stale"


@pytest.mark.parametrize(
    "payload, fragment",
    [
        (b"{not json", "ไม่ใช่ JSON"),
        (b"[1, 2]", "ออบเจ็กต์ JSON"),
        ("\xff".encode("latin-1"), "ไม่ใช่ JSON"),
        (json.dumps({"fiscal_year": 2027, "round": "r6"}).encode(), "report_uuid"),
        (body(round="q1"), "รอบ (round)"),
        (body(pdf="@@@"), "base64"),
        (body(pdf=base64.b64encode(b"MZ not a pdf").decode()), "ไม่ผ่านการตรวจความปลอดภัย"),
        (body(written="ข้อความ"), "ออบเจ็กต์"),
    ],
)
def test_r36_malformed_bodies_are_400_with_a_message(
    client, round_, token_a, in_round, payload, fragment
):
    response = post(client, token_a, payload)
    assert response.status_code == 400
    assert fragment in response.json()["message"]
    assert not Submission.objects.exists()
    assert ApiCall.objects.get().status_code == 400


@override_settings(PRONGSAI_PARENTBODY_MAX_BODY_BYTES=1000)
def test_r36_body_over_the_limit_is_413(client, round_, token_a, in_round):
    response = post(client, token_a, body(padding="ก" * 2000))
    assert response.status_code == 413 and "ขนาดเกิน" in response.json()["message"]
    assert not Submission.objects.exists()


def test_r36_no_round_for_the_report_is_422(client, round_, token_a, in_round):
    response = post(client, token_a, body(fiscal_year=2030))
    assert response.status_code == 422 and "ไม่มีรอบการรายงาน" in response.json()["message"]


def test_r36_push_after_the_round_closed_is_refused_with_a_message(client, round_, token_a):
    import time_machine

    with time_machine.travel(at(2027, 6, 2), tick=False):
        response = post(client, token_a, body())
    assert response.status_code == 409 and "ปิดรับรายงานแล้ว" in response.json()["message"]


def test_r36_get_is_not_allowed(client):
    assert client.get(URL).status_code == 405


def test_r36_only_the_hash_of_the_secret_is_stored(coordinator, agencies):
    from prongsai.parentbody.models import ApiToken

    token = tokens.issue_token(coordinator, agencies["a"])
    key_id, secret = tokens.split_token(token)
    row = ApiToken.objects.get(key_id=key_id)
    assert secret not in row.secret_hash and row.secret_hash == tokens.signing_key(secret)


def test_r36_a_report_larger_than_django_default_upload_limit_is_accepted(
    client, round_, token_a, in_round
):
    # A report's PDF with charts easily passes Django's 2.5 MB in-memory default; the API's own
    # limit (15 MB) is the one that applies.
    chart = b"x" * (3 * 1024 * 1024)
    big_pdf = builders.pdf(b"<< /Length %d >>\nstream\n" % len(chart) + chart + b"\nendstream")
    response = post(client, token_a, body(pdf=base64.b64encode(big_pdf).decode()))
    assert response.status_code == 201, response.content[:300]
    assert len(bytes(Submission.objects.get().pdf)) == len(big_pdf)
