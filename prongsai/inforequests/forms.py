"""The public request form and the staff decision form. Messages are Thai; a refused form
stores nothing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from prongsai.feedback.forms import AntiAbuseForm, text_field
from prongsai.filecheck.policy import ATTACHMENT, MB

from .models import DETAILS_MAX, NAME_MAX, SUBJECT_MAX, InfoRequest
from .services import DECISIONS, attachment_policy


class InfoRequestForm(AntiAbuseForm):
    subject = text_field(
        _("ข้อมูลข่าวสารที่ต้องการ"),
        SUBJECT_MAX,
        help_text=_("ระบุให้ชัดพอที่เจ้าหน้าที่จะค้นหาได้ เช่น ชื่อเอกสาร เรื่อง หรือช่วงเวลา"),
    )
    details = text_field(_("รายละเอียดเพิ่มเติม"), DETAILS_MAX, required=False, textarea=True)
    preferred_format = forms.ChoiceField(
        label=_("รูปแบบที่ต้องการรับข้อมูล"),
        choices=InfoRequest.Format.choices,
        initial=InfoRequest.Format.ELECTRONIC,
    )
    requester_name = text_field(_("ชื่อ-นามสกุลผู้ขอ"), NAME_MAX)
    requester_email = forms.EmailField(
        label=_("อีเมล"),
        required=False,
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง")},
    )
    requester_phone = forms.RegexField(
        label=_("โทรศัพท์"),
        required=False,
        regex=r"^[0-9+\-() ]{6,30}$",
        error_messages={"invalid": _("กรุณากรอกหมายเลขโทรศัพท์เป็นตัวเลข")},
    )
    requester_address = text_field(_("ที่อยู่สำหรับติดต่อ"), 500, required=False, textarea=True)
    attachment = forms.FileField(
        label=_("ไฟล์แนบ (ถ้ามี)"),
        required=False,
        # An empty file reaches the content check, which refuses it with its own Thai message.
        allow_empty_file=True,
        widget=forms.FileInput,
        error_messages={
            "invalid": _("ไม่ได้รับไฟล์แนบ กรุณาเลือกไฟล์ใหม่อีกครั้ง"),
            "missing": _("ไม่ได้รับไฟล์แนบ กรุณาเลือกไฟล์ใหม่อีกครั้ง"),
        },
    )
    consent = forms.BooleanField(
        label=_("ข้าพเจ้ายินยอมให้หน่วยงานใช้ข้อมูลติดต่อนี้เพื่อดำเนินการและแจ้งผลคำขอนี้เท่านั้น"),
        error_messages={"required": _("กรุณาให้ความยินยอมก่อนส่งคำขอ")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policy = attachment_policy()
        extensions = policy.allowed_extensions(ATTACHMENT)
        if not extensions:  # the agency accepts none of the kinds a citizen may attach
            del self.fields["attachment"]
            return
        field = self.fields["attachment"]
        field.widget.attrs["accept"] = ",".join(f".{ext}" for ext in extensions)
        field.help_text = _(
            "หนังสือหรือสำเนาเอกสารที่ช่วยให้เจ้าหน้าที่ค้นหาข้อมูลได้ หนึ่งไฟล์ รับเฉพาะ %(accepted)s "
            "ขนาดไม่เกิน %(limit)s MB เจ้าหน้าที่ผู้รับผิดชอบเท่านั้นที่เปิดไฟล์นี้ได้"
        ) % {
            "accepted": " ".join(f".{ext}" for ext in extensions),
            "limit": policy.largest(ATTACHMENT) // MB,
        }

    def service_fields(self) -> dict:
        fields = (
            "subject",
            "details",
            "preferred_format",
            "requester_name",
            "requester_email",
            "requester_phone",
            "requester_address",
        )
        values = {name: self.cleaned_data[name] for name in fields}
        values["attachment"] = self.cleaned_data.get("attachment") or None
        return values


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("ผลการพิจารณา"),
        choices=[
            (value, label) for value, label in InfoRequest.Status.choices if value in DECISIONS
        ],
    )
    reason = forms.CharField(
        label=_("เหตุผลและมาตราของกฎหมาย"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "จำเป็นเมื่อไม่เปิดเผยข้อมูลทั้งหมด ไม่มีข้อมูล หรือส่งต่อคำขอ เช่น "
            "“ไม่เปิดเผยตามมาตรา 15 (5) เป็นรายงานการแพทย์หรือข้อมูลข่าวสารส่วนบุคคล”"
        ),
    )
