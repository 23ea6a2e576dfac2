"""The one door every file the province receives passes through (R36, R42).

Attachments sent with the web form and the report PDF pushed through the API are checked by
``prongsai.filecheck`` (ADR 0150), by content, like every other upload: a refusal carries
filecheck's Thai message and is written to the audit log; images are stored re-encoded.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.filecheck.policy import ATTACHMENT, REPORT
from prongsai.filecheck.services import checked_upload
from prongsai.publishing.uploads import private_storage

MAX_ATTACHMENTS = 5
PUSHED_PDF_NAME = "report.pdf"


def checked_attachments(files, user) -> list:
    """The attachments to store, or ValidationError with every refused file's message."""
    errors, checked = [], []
    for uploaded in files or ():
        try:
            checked.append(checked_upload(uploaded, ATTACHMENT, user=user))
        except ValidationError as error:
            errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def check_pushed_pdf(data: bytes) -> None:
    """Raise ValidationError (Thai) unless ``data`` is a PDF with nothing that runs."""
    checked_upload(SimpleUploadedFile(PUSHED_PDF_NAME, data, "application/pdf"), REPORT)


def attachment_storage():
    return private_storage()
