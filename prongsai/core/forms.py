"""Admin forms that say in Thai which required metadata (R12) is missing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .bedate import use_buddhist_dates

#: The message shown next to an empty required field, instead of the generic one.
REQUIRED_MESSAGES = {
    "owner_unit": _("กรุณาเลือกหน่วยงานเจ้าของข้อมูล"),
    "source": _("กรุณาระบุแหล่งที่มาของข้อมูล"),
    "info_period_start": _("กรุณาระบุวันที่เริ่มต้นของข้อมูล (ข้อมูล ณ วันที่)"),
    "published_date": _("กรุณาระบุวันที่เผยแพร่"),
    "reference": _("กรุณาระบุแหล่งอ้างอิงของข้อมูล"),
    "reference_date": _("กรุณาระบุวันที่ของข้อมูลอ้างอิง"),
}


class MetadataMessagesMixin:
    """Replace 'this field is required' on metadata fields with a message naming the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_buddhist_dates(self)  # documents' form bypasses Wagtail's field registry
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def _post_clean(self):
        super()._post_clean()
        # The model's clean() repeats the "required" message the form already gave for the
        # same field: show each message once.
        for field, errors in self._errors.items():
            texts = [" ".join(error.messages) for error in errors.as_data()]
            if len(set(texts)) != len(texts):
                self._errors[field] = self.error_class(list(dict.fromkeys(texts)))


class MetadataPageForm(MetadataMessagesMixin, WagtailAdminPageForm):
    """Base form of every content page (ContentPage.base_form_class)."""
