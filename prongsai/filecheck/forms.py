"""Wagtail's document and image forms with every new file checked by content first.

Documents: ``prongsai.sitepages.forms.AgencyDocumentForm`` uses ``CheckedFileMixin``.
Images: ``WAGTAILIMAGES_IMAGE_FORM_BASE = "prongsai.filecheck.forms.CheckedImageForm"``.
The check runs before the field's own cleaning (Wagtail's extension and pixel checks), so every
refusal gets the same Thai message and audit entry, and an image reaches Wagtail already
re-encoded (the add, multiple-upload and chooser-upload views all build these forms).
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.images.forms import BaseImageForm

from .policy import DOCUMENT, IMAGE
from .services import checked_upload


class CheckedFileMixin:
    upload_purpose = DOCUMENT

    def __init__(self, *args, **kwargs):
        self.upload_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            field.clean = self._checked_clean(field.clean)

    def _checked_clean(self, clean):
        def checked(data, initial=None):
            if isinstance(data, UploadedFile):
                data = checked_upload(data, self.upload_purpose, user=self.upload_user)
            return clean(data, initial)

        return checked


class CheckedImageForm(CheckedFileMixin, BaseImageForm):
    upload_purpose = IMAGE
