from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from prongsai.accounts.models import Unit
from prongsai.filecheck.policy import ATTACHMENT, DEFAULT_POLICY, UploadPolicy
from prongsai.policy.selectors import category_choices, policy_for

from .models import InformationClass, PublishRequest, Status, VerbalMethod
from .services import EDITABLE_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        # Empty files are refused by the upload check, with its message and audit entry.
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={
                    "accept": ",".join(
                        # The defaults at import; the form sets the site's own list.
                        f".{ext}"
                        for ext in DEFAULT_POLICY.allowed_extensions(ATTACHMENT)
                    )
                }
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class PublishRequestForm(forms.ModelForm):
    attachments = MultipleFileField(label=_("ไฟล์แนบ (Word, PDF, Excel, รูปภาพ)"), required=False)

    class Meta:
        model = PublishRequest
        fields = EDITABLE_FIELDS
        widgets = {
            "info_period_start": DateInput(),
            "info_period_end": DateInput(),
            "publish_from": DateInput(),
            "publish_until": DateInput(),
            "prior_approval_date": DateInput(),
            "effective_date": DateInput(),
            "reference_date": DateInput(),
            "reference": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "content": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The site's own categories, in its order and wording (R60–R64): a category the agency
        # does not use is not offered, and a POST naming one is refused as an invalid choice.
        field = self.fields["category"]
        blank = [choice for choice in field.choices if choice[0] == ""]
        field.choices = [*blank, *category_choices()]
        # The agency may accept fewer file kinds than the system (MOST: Word or PDF only): say so
        # before the upload, and let the file picker offer only those.
        kinds = [kind.lower() for kind in policy_for().accepted_file_kinds or []]
        if kinds:
            attachments = self.fields["attachments"]
            attachments.label = _("ไฟล์แนบ (รับเฉพาะ %(kinds)s)") % {"kinds": ", ".join(kinds)}
        accepted = UploadPolicy.for_site().allowed_extensions(ATTACHMENT)
        self.fields["attachments"].widget.attrs["accept"] = ",".join(f".{e}" for e in accepted)

    def cleaned_data_for_service(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in EDITABLE_FIELDS}

    def _post_clean(self):
        # Validation of the whole request happens in the service (one place for the rules).
        pass


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("ผลการพิจารณา"),
        choices=[
            ("approve", _("อนุมัติ")),
            ("return", _("ส่งกลับให้แก้ไข")),
            ("reject", _("ไม่อนุมัติ")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("เหตุผล / สิ่งที่ต้องแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("จำเป็นเมื่อไม่อนุมัติหรือส่งกลับให้แก้ไข"),
    )


def _page_field(name):
    field = PublishRequest._meta.get_field(name).formfield(required=False)
    if isinstance(field, forms.DateField):
        field.widget = DateInput()
    return field


class PublishForm(forms.Form):
    """The publisher's checks, plus what the category's page still needs (laws, knowledge…)."""

    def __init__(self, *args, publish_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .pages import extra_fields_for

        self.page_field_names = []
        if publish_request is not None:
            for name in extra_fields_for(publish_request.category):
                self.fields[name] = _page_field(name)
                self.fields[name].initial = getattr(publish_request, name)
                self.page_field_names.append(name)

    def page_fields(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.page_field_names}

    files_checked = forms.BooleanField(label=_("ได้เปิดตรวจไฟล์แนบทุกไฟล์แล้ว เปิดได้ปกติ"), required=False)
    category_checked = forms.BooleanField(label=_("หมวดที่จะเผยแพร่ถูกต้อง"), required=False)
    target_page = forms.ModelChoiceField(
        label=_("หน้าเป้าหมาย (ถ้าเตรียมหน้าไว้แล้ว)"),
        queryset=Page.objects.all(),
        required=False,
        widget=AdminPageChooser(),
    )


class SendBackForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผลที่ส่งกลับ"), widget=forms.Textarea(attrs={"rows": 3}))


class VerbalApprovalForm(PublishForm):
    approver = forms.ModelChoiceField(label=_("ผู้อนุมัติด้วยวาจา"), queryset=None)
    approved_at = forms.DateTimeField(
        label=_("วันเวลาที่อนุมัติ"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )
    method = forms.ChoiceField(label=_("อนุมัติโดย"), choices=VerbalMethod.choices)
    urgency_reason = forms.CharField(
        label=_("เหตุผลความเร่งด่วน"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    field_order = ["approver", "approved_at", "method", "urgency_reason"]

    def __init__(self, *args, approvers=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        self.fields["approver"].queryset = get_user_model().objects.filter(
            pk__in=[user.pk for user in approvers]
        )
        self.fields["approver"].label_from_instance = lambda user: (
            f"{user.display_name()} ({user.position})" if user.position else user.display_name()
        )


class FilterForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("หน่วยงาน"), queryset=Unit.objects.all(), required=False)
    status = forms.ChoiceField(
        label=_("สถานะ"), choices=[("", _("ทุกสถานะ")), *Status.choices], required=False
    )
    information_class = forms.ModelChoiceField(
        label=_("ประเภทข้อมูล"), queryset=InformationClass.objects.all(), required=False
    )
    date_from = forms.DateField(label=_("ยื่นตั้งแต่วันที่"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("ถึงวันที่"), required=False, widget=DateInput())
    approved_fiscal_year = forms.IntegerField(
        label=_("ปีงบประมาณที่อนุมัติ (พ.ศ.)"), required=False, min_value=2500, max_value=2700
    )
    published_late = forms.BooleanField(label=_("เฉพาะที่เผยแพร่เกินกำหนด"), required=False)
    verbal_unconfirmed = forms.BooleanField(
        label=_("เฉพาะที่อนุมัติด้วยวาจาและยังไม่ได้รับการยืนยัน (ทั้งหมด)"), required=False
    )


class WorkflowNoteForm(forms.Form):
    """Wagtail's moderation modal for approving: an optional note."""

    comment = forms.CharField(
        label=_("ความเห็น (ถ้ามี)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class WorkflowDecisionForm(forms.Form):
    """Wagtail's moderation modal for reject / return: the reason is required (R21)."""

    LABELS = {
        "reject": (_("เหตุผลที่ไม่อนุมัติ"), _("กรุณาระบุเหตุผลที่ไม่อนุมัติ")),
        "return": (_("สิ่งที่ต้องแก้ไข"), _("กรุณาระบุสิ่งที่ต้องแก้ไข")),
    }

    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))

    @classmethod
    def for_action(cls, action: str):
        label, required_message = cls.LABELS.get(action, cls.LABELS["reject"])

        class ReasonForm(cls):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["comment"]
                field.label = label
                field.error_messages["required"] = required_message

            def clean_comment(self):
                comment = self.cleaned_data["comment"].strip()
                if not comment:
                    raise forms.ValidationError(required_message)
                return comment

        return ReasonForm
