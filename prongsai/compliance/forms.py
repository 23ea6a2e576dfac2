"""The dashboard's inline forms: name a page or document as evidence, or mark an item not
applicable. Choosers are Wagtail's, so the webmaster picks from the site tree and the document
library instead of typing ids into a blank snippet form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents import get_document_model
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.models import Page

CHOICE_ERRORS = {"invalid_choice": _("ไม่พบรายการที่เลือก อาจถูกลบไปแล้ว กรุณาเลือกใหม่")}


class EvidenceLinkForm(forms.Form):
    page = forms.ModelChoiceField(
        Page.objects.all(),
        label=_("หน้าเว็บ"),
        required=False,
        widget=AdminPageChooser(),
        error_messages=CHOICE_ERRORS,
    )
    document = forms.ModelChoiceField(
        get_document_model().objects.all(),
        label=_("หรือเอกสาร"),
        required=False,
        widget=AdminDocumentChooser(),
        error_messages=CHOICE_ERRORS,
    )
    note = forms.CharField(
        label=_("คำอธิบายสำหรับผู้ประเมิน"),
        max_length=500,
        required=False,
        error_messages={"max_length": _("คำอธิบายยาวได้ไม่เกิน %(limit_value)d ตัวอักษร")},
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and bool(cleaned.get("page")) == bool(cleaned.get("document")):
            raise forms.ValidationError(_("เลือกหน้าเว็บหรือเอกสารอย่างใดอย่างหนึ่ง"))
        return cleaned


class NotApplicableForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={
            "required": _("กรุณาระบุเหตุผลที่ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน"),
            "max_length": _("เหตุผลยาวได้ไม่เกิน %(limit_value)d ตัวอักษร"),
        },
    )
