"""The one door every attachment of a submission passes through.

The content check itself lives in ``prongsai.publishing.uploads``; when the project's upload
validator is replaced, only the import below changes.
"""

from prongsai.publishing.uploads import private_storage
from prongsai.publishing.uploads import validate_upload as _validate

MAX_ATTACHMENTS = 5


def check_attachment(uploaded) -> None:
    """Raise ValidationError with a Thai message when the file may not be attached."""
    _validate(uploaded)


def attachment_storage():
    return private_storage()
