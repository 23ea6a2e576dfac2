"""The one upload check: name, size, then content by magic bytes and structure (ADR 0150).

``inspect`` works on bytes and returns the kind found and, for images, the re-encoded bytes;
``check_upload`` wraps it for Django's uploaded files and turns a refusal into a Thai
``ValidationError``. The audit entry is written by ``services.checked_upload``.
"""

import os
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from . import archives, clamav, refusals
from .images import image_kind, reencode
from .names import claimed_extension, display_name
from .pdf import check_pdf
from .policy import EXTENSIONS, IMAGE_KINDS, UploadPolicy
from .refusals import Refused, UploadRefused
from .text import check_text


@dataclass(frozen=True)
class Checked:
    kind: str
    extension: str
    data: bytes  # what is stored: the upload itself, or an image re-encoded without metadata

    @property
    def reencoded(self) -> bool:
        return self.kind in IMAGE_KINDS


def _content_kind(data: bytes, extension: str, policy: UploadPolicy) -> str:
    if data.startswith(b"%PDF-"):
        return check_pdf(data)
    if data.startswith(archives.ZIP_MAGIC):
        return archives.zip_kind(data, policy)
    if data.startswith(archives.OLE_MAGIC):
        return archives.ole_kind(data)
    kind = image_kind(data)
    if kind:
        return kind
    if extension in ("csv", "txt"):
        check_text(data)
        return extension
    raise Refused(refusals.MISMATCH, why="unknown-content")


def inspect(name: str, data: bytes, purpose: str, policy: UploadPolicy) -> Checked:
    """Check one file for an upload path; raise ``Refused`` with the reason."""
    extension = claimed_extension(name)
    allowed = policy.allowed_kinds(purpose)
    claimed = {kind for kind in allowed if extension in EXTENSIONS[kind]}
    if not claimed or not policy.accepts_extension(purpose, extension):
        raise Refused(refusals.EXTENSION)
    if not data:
        raise Refused(refusals.EMPTY)
    limit = max(policy.max_bytes[kind] for kind in claimed)
    if len(data) > limit:
        raise Refused(refusals.SIZE, limit=limit // (1024 * 1024))
    kind = _content_kind(data, extension, policy)
    if kind not in claimed:
        raise Refused(refusals.MISMATCH, why=f"content-{kind}")
    if kind in IMAGE_KINDS:
        data = reencode(data, kind, policy)
    clamav.scan(data)
    return Checked(kind=kind, extension=extension, data=data)


def _read(uploaded, limit: int) -> bytes:
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(position)
    return data


def check_upload(uploaded, purpose: str, *, policy: UploadPolicy | None = None) -> Checked:
    """Check a Django upload (or an open stored file); raise ``UploadRefused`` in Thai."""
    policy = policy or UploadPolicy.for_site()
    name = getattr(uploaded, "name", "") or ""
    size = getattr(uploaded, "size", None)
    try:
        if size is not None and size > policy.largest(purpose):
            # Say which limit applies without reading a file far over every limit.
            extension = claimed_extension(name)
            kinds = [k for k in policy.allowed_kinds(purpose) if extension in EXTENSIONS[k]]
            if not kinds or not policy.accepts_extension(purpose, extension):
                raise Refused(refusals.EXTENSION)
            raise Refused(refusals.SIZE, limit=policy.max_bytes[kinds[0]] // (1024 * 1024))
        checked = inspect(name, _read(uploaded, policy.largest(purpose)), purpose, policy)
    except Refused as refusal:
        raise UploadRefused(
            refusals.message(
                refusal.reason,
                name=display_name(name),
                extension=os.path.splitext(display_name(name))[1].lstrip(".").lower(),
                accepted=policy.allowed_extensions(purpose),
                **{k: v for k, v in refusal.detail.items() if k != "why"},
            ),
            refusal.reason,
        ) from refusal
    return checked


def as_upload(checked: Checked, original) -> SimpleUploadedFile:
    """A fresh upload carrying the checked bytes under the original name."""
    return SimpleUploadedFile(
        getattr(original, "name", "upload"),
        checked.data,
        getattr(original, "content_type", None) or "application/octet-stream",
    )
