"""Attachments are accepted by what they contain, not by what they are called.

A renamed executable called ``report.pdf`` is refused: the file's magic bytes (read with
``filetype``) must match one of the kinds its extension allows.
"""

import os

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# extension -> the content kinds (filetype extensions) that may legitimately carry it
ALLOWED = {
    "pdf": {"pdf"},
    "doc": {"doc"},
    "docx": {"docx", "zip"},
    "xls": {"xls", "doc"},  # legacy Office files share the OLE container signature
    "xlsx": {"xlsx", "zip"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png"},
    "gif": {"gif"},
    "webp": {"webp"},
}
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def validate_upload(uploaded) -> None:
    name = getattr(uploaded, "name", "") or ""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in ALLOWED:
        raise ValidationError(
            _("ไฟล์ %(name)s เป็นชนิดที่ไม่รับ (รับเฉพาะ Word, PDF, Excel และรูปภาพ)")
            % {"name": os.path.basename(name)}
        )
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("ไฟล์ %(name)s ใหญ่เกิน 20 MB") % {"name": os.path.basename(name)})
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(position)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in ALLOWED[extension]:
        raise ValidationError(
            _("เนื้อหาของไฟล์ %(name)s ไม่ตรงกับนามสกุล .%(ext)s กรุณาตรวจสอบไฟล์แล้วแนบใหม่")
            % {"name": os.path.basename(name), "ext": extension}
        )


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
