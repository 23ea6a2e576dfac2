"""Attachments are accepted by what they contain, not by what they are called.

The check itself is ``prongsai.filecheck`` (ADR 0150), the same for every upload path; new
attachments go through ``services._validate_files``, which also writes refusals to the audit
log and stores images re-encoded. ``validate_upload`` stays the model field's validator and
re-checks stored files before publication.
"""

from prongsai.filecheck.policy import ATTACHMENT
from prongsai.filecheck.validator import check_upload


def validate_upload(uploaded) -> None:
    check_upload(uploaded, ATTACHMENT)


def private_storage():
    """Where request attachments live: outside MEDIA_ROOT, so no web server alias reaches them.

    They are served only by ``views.attachment_download``, to people who may see the request
    (docs/adr/0081-private-request-attachments.md). ``PRONGSAI_PRIVATE_MEDIA_ROOT`` may move it;
    by default it sits beside the public media folder.
    """
    from pathlib import Path

    from django.conf import settings
    from django.core.files.storage import FileSystemStorage

    location = getattr(settings, "PRONGSAI_PRIVATE_MEDIA_ROOT", None) or (
        Path(settings.MEDIA_ROOT).parent / "private-media"
    )

    class PrivateStorage(FileSystemStorage):
        def url(self, name):
            # A private file has no public address; link to the attachment's view instead.
            raise ValueError("request attachments have no public URL")

    return PrivateStorage(location=location)
