"""The hostile corpus through the real upload screens: Wagtail's document and image add views
and the publish-request form (R42, R43). Each file of the table is posted to each screen; a
refused file shows a Thai error, saves nothing and leaves an audit entry; an accepted one is
stored (images without their EXIF). One test per screen keeps the 115 posts in one database.
"""

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection, ModelLogEntry

from prongsai.accounts.testing import login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.filecheck.policy import ATTACHMENT, DOCUMENT, IMAGE
from prongsai.filecheck.services import REFUSED_ACTION
from prongsai.filecheck.tests.hostile.make_corpus import corpus_fixture, samples
from prongsai.publishing.models import PublishRequest, RequestAttachment
from prongsai.sitepages.models import AgencyDocument

from .test_views import form_post

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return corpus_fixture(tmp_path_factory)


def _upload(corpus, sample):
    return SimpleUploadedFile(sample.upload_name, corpus[sample.id].read_bytes())


def _plain(name: str) -> bool:
    return not any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in name)


def _feed(corpus, purpose, post, stored):
    """Post every corpus file; return the ones whose outcome differs from the table."""
    wrong = []
    for sample in samples():
        before, refusals = stored().count(), ModelLogEntry.objects.filter(action=REFUSED_ACTION)
        logged = refusals.count()
        response = post(_upload(corpus, sample))
        expected = purpose in sample.accepted_through_forms
        accepted = stored().count() == before + 1
        if accepted != expected:
            wrong.append((sample.id, sample.upload_name, "accepted" if accepted else "refused"))
        elif accepted:
            newest = stored().order_by("-pk").first()
            if not _plain(str(newest)) or not _plain(newest.file.name):
                wrong.append((sample.id, sample.upload_name, "stored an unprintable name"))
        elif response.status_code != 200 or refusals.count() != logged + 1:
            wrong.append((sample.id, sample.upload_name, "refused without message or audit"))
    return wrong


@pytest.fixture
def admin_client(client, people):
    login_with_otp(client, UserFactory(username="admin", is_superuser=True, unit=people["unit"]))
    return client


def test_r42_every_corpus_file_through_the_document_add_view(admin_client, people, corpus):
    def post(upload):
        return admin_client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "เอกสารทดสอบ",
                "file": upload,
                "collection": Collection.get_first_root_node().pk,
                "owner_unit": people["unit"].pk,
                "source": "กลุ่มงานทดสอบ",
                "info_period_start": "2026-10-01",
                "published_date": "2026-11-01",
            },
        )

    assert _feed(corpus, DOCUMENT, post, AgencyDocument.objects.all) == []


def test_r42_every_corpus_file_through_the_image_add_view(admin_client, corpus):
    def post(upload):
        return admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "ภาพทดสอบ",
                "file": upload,
                "collection": Collection.get_first_root_node().pk,
            },
        )

    assert _feed(corpus, IMAGE, post, get_image_model().objects.all) == []
    for image in get_image_model().objects.all():
        with image.file.open("rb") as stored:
            assert not Image.open(io.BytesIO(stored.read())).getexif(), image.title


def test_r42_every_corpus_file_through_the_publish_request_form(client, people, classes, corpus):
    client.force_login(people["owner"])

    def post(upload):
        data = form_post(classes["general"])
        data["attachments"] = upload
        return client.post(reverse("publishing_admin:create"), data)

    assert _feed(corpus, ATTACHMENT, post, RequestAttachment.objects.all) == []
    assert PublishRequest.objects.count() == RequestAttachment.objects.count()
