"""The hostile corpus through the province's two doors (R36, R42): the report PDF pushed to the
API and the attachments of the web form. The API once checked only that the bytes began with
``%PDF-`` (HTML, JavaScript PDFs and executables behind that prefix were stored); the form used
the validator without its audit entry and stored images with their EXIF."""

import base64
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from prongsai.filecheck.policy import ATTACHMENT
from prongsai.filecheck.services import REFUSED_ACTION
from prongsai.filecheck.tests.hostile import builders
from prongsai.filecheck.tests.hostile.make_corpus import corpus_fixture, samples
from prongsai.parentbody.models import ApiCall, Attachment, Submission

from .test_api import body, post

pytestmark = pytest.mark.django_db
THAI = re.compile("[\u0e01-\u0e5b]")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return corpus_fixture(tmp_path_factory)


@pytest.fixture
def token_a(coordinator, agencies):
    from prongsai.parentbody import tokens

    return tokens.issue_token(coordinator, agencies["a"])


def _benign_pdfs(corpus) -> set[bytes]:
    """The API takes bytes without a name: what must pass is exactly a harmless PDF's bytes."""
    return {
        corpus[s.id].read_bytes()
        for s in samples()
        if s.upload_name.endswith(".pdf") and s.accepted_by
    }


def test_r42_every_corpus_file_pushed_as_the_report_pdf(client, round_, token_a, in_round, corpus):
    benign = _benign_pdfs(corpus)
    wrong = []
    for sample in samples():
        data = corpus[sample.id].read_bytes()
        logged = ModelLogEntry.objects.filter(action=REFUSED_ACTION).count()
        payload = body(report_uuid=uuid.uuid4(), pdf=base64.b64encode(data).decode())
        response = post(client, token_a, payload)
        expected = data in benign or not data  # an empty "pdf" is a report without one
        accepted = response.status_code == 201
        if accepted != expected:
            wrong.append((sample.id, sample.upload_name, response.status_code))
        elif accepted:
            assert bytes(Submission.objects.get().pdf or b"") == data
            Submission.objects.all().delete()  # the round takes one report per agency
        else:
            answer = response.json()
            audited = ModelLogEntry.objects.filter(action=REFUSED_ACTION).count() == logged + 1
            too_large = response.status_code == 413
            if (
                answer["ok"]
                or not THAI.search(answer["message"])
                or Submission.objects.exists()
                or not (audited or too_large)
                or re.search(r"Traceback|Error|pypdf|zipfile", answer["message"])
            ):
                wrong.append((sample.id, sample.upload_name, "refused without message/audit"))
    assert wrong == [], wrong
    assert ApiCall.objects.filter(outcome="refused_file").count() >= 60


def test_r42_a_pdf_with_javascript_pushed_to_the_api_is_400_in_the_api_shape(
    client, round_, token_a, in_round
):
    hostile = builders.pdf_js_in_object_stream()
    assert hostile.startswith(b"%PDF-")  # the old prefix check let it through
    response = post(client, token_a, body(pdf=base64.b64encode(hostile).decode()))
    assert response.status_code == 400
    answer = response.json()
    assert answer["ok"] is False and "มีมาโคร สคริปต์" in answer["message"]
    assert not Submission.objects.exists()
    assert ApiCall.objects.get().outcome == "refused_file"
    assert ModelLogEntry.objects.filter(action=REFUSED_ACTION).get().data["purpose"] == "report"


def test_r42_every_corpus_file_through_the_report_form(
    client, round_, agencies, reporters, in_round, corpus
):
    client.force_login(reporters["a"])
    url = reverse("parentbody_admin:form", args=[round_.pk])
    wrong = []
    for sample in samples():
        logged = ModelLogEntry.objects.filter(action=REFUSED_ACTION).count()
        upload = SimpleUploadedFile(sample.upload_name, corpus[sample.id].read_bytes())
        response = client.post(url, {"results": "ร่าง", "action": "save", "attachments": upload})
        expected = ATTACHMENT in sample.accepted_through_forms
        accepted = Attachment.objects.count() == 1
        if accepted != expected:
            wrong.append((sample.id, sample.upload_name, "accepted" if accepted else "refused"))
        elif not accepted and (
            response.status_code != 200
            or ModelLogEntry.objects.filter(action=REFUSED_ACTION).count() != logged + 1
        ):
            wrong.append((sample.id, sample.upload_name, "refused without message or audit"))
        Attachment.objects.all().delete()  # at most five per report
    assert wrong == []


def test_r42_an_image_attached_to_a_report_is_stored_without_its_gps(
    round_, agencies, reporters, in_round
):
    from prongsai.parentbody import services

    upload = SimpleUploadedFile("ภาพ.jpg", builders.jpeg_with_gps(), "image/jpeg")
    submission = services.save_draft(
        reporters["a"], round_, agencies["a"], answers={}, files=[upload]
    )
    with submission.attachments.get().file.open("rb") as stored:
        assert not Image.open(stored).getexif()
