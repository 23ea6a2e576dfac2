"""Refusals are audited and nothing is stored; the optional virus scan fails closed (R42, R43)."""

import socket
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry, Site

from prongsai.accounts.tests.factories import UserFactory
from prongsai.filecheck.policy import ATTACHMENT, DOCUMENT, IMAGE, UploadPolicy
from prongsai.filecheck.refusals import UploadRefused
from prongsai.filecheck.services import REFUSED_ACTION, checked_upload
from prongsai.filecheck.tests.hostile import builders

pytestmark = pytest.mark.django_db


def test_r43_refused_upload_is_written_to_the_audit_log_with_its_reason(home_page):
    user = UserFactory(username="uploader")
    upload = SimpleUploadedFile("ผลการประชุม.docx", builders.EXE)
    with pytest.raises(UploadRefused):
        checked_upload(upload, DOCUMENT, user=user)
    entry = ModelLogEntry.objects.get(action=REFUSED_ACTION)
    assert entry.user == user
    assert entry.content_type.model_class() is Site
    assert entry.data == {
        "purpose": DOCUMENT,
        "reason": "mismatch",
        "name": "ผลการประชุม.docx",
        "size": len(builders.EXE),
    }
    assert registry.get_action_label(REFUSED_ACTION) == "ปฏิเสธไฟล์ที่อัปโหลด"


def test_r42_accepted_image_is_returned_re_encoded_and_other_files_untouched(home_page):
    image = SimpleUploadedFile("gps.jpg", builders.jpeg_with_gps(), "image/jpeg")
    stored = checked_upload(image, IMAGE)
    assert stored is not image and stored.name == "gps.jpg" and b"PhoneMaker" not in stored.read()
    document = SimpleUploadedFile("ประกาศ.pdf", builders.pdf())
    assert checked_upload(document, ATTACHMENT) is document
    assert not ModelLogEntry.objects.filter(action=REFUSED_ACTION).exists()


def test_r42_wagtail_settings_mirror_the_default_policy(settings):
    policy = UploadPolicy.for_site(None)
    assert sorted(settings.WAGTAILDOCS_EXTENSIONS) == policy.allowed_extensions(DOCUMENT)
    assert sorted(settings.WAGTAILIMAGES_EXTENSIONS) == policy.allowed_extensions(IMAGE)
    assert policy.max_image_pixels == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    assert policy.largest(IMAGE) == settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


class _FakeClamd(threading.Thread):
    """A Unix socket speaking clamd's INSTREAM answer (the daemon itself is not installed)."""

    def __init__(self, path, answer: bytes):
        super().__init__(daemon=True)
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(str(path))
        self.server.listen(1)
        self.answer = answer
        self.received = b""

    def run(self):
        connection, _ = self.server.accept()
        with connection:
            while not self.received.endswith(b"\0\0\0\0"):
                chunk = connection.recv(65536)
                if not chunk:
                    break
                self.received += chunk
            connection.sendall(self.answer)
        self.server.close()


@pytest.mark.parametrize(
    ("answer", "accepted"),
    [(b"stream: OK\0", True), (b"stream: Win.Test.EICAR_HDB-1 FOUND\0", False)],
)
def test_r42_clamd_answer_decides_when_configured(settings, tmp_path, home_page, answer, accepted):
    settings.PRONGSAI_CLAMD_SOCKET = str(tmp_path / "clamd.sock")
    clamd = _FakeClamd(settings.PRONGSAI_CLAMD_SOCKET, answer)
    clamd.start()
    upload = SimpleUploadedFile("ประกาศ.pdf", builders.pdf())
    if accepted:
        assert checked_upload(upload, DOCUMENT) is upload
    else:
        with pytest.raises(UploadRefused) as refused:
            checked_upload(upload, DOCUMENT)
        assert "ไม่ผ่านการตรวจไวรัส" in refused.value.messages[0]
    clamd.join(5)
    assert clamd.received.startswith(b"zINSTREAM\0") and b"%PDF-" in clamd.received


def test_r42_configured_scanner_that_is_down_refuses_the_file(settings, tmp_path, home_page):
    settings.PRONGSAI_CLAMD_SOCKET = str(tmp_path / "missing.sock")
    with pytest.raises(UploadRefused) as refused:
        checked_upload(SimpleUploadedFile("ประกาศ.pdf", builders.pdf()), DOCUMENT)
    assert refused.value.reason == "scanner-unavailable"
    assert ModelLogEntry.objects.get(action=REFUSED_ACTION).data["reason"] == "scanner-unavailable"
