from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .selectors import Query

MAX_RANGE = timedelta(days=366)


class TrafficSearchForm(forms.Form):
    start = forms.DateTimeField(
        label=_("ตั้งแต่"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    end = forms.DateTimeField(
        label=_("ถึง"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ip = forms.CharField(label=_("หมายเลขไอพี (หรือช่วง CIDR)"), required=False, max_length=50)
    user_id = forms.CharField(label=_("รหัสผู้ใช้"), required=False, max_length=20)
    path_contains = forms.CharField(label=_("เส้นทาง (URL) มีคำว่า"), required=False, max_length=300)
    reason = forms.CharField(
        label=_("เหตุผลในการเข้าถึง (เช่น เลขที่หนังสือขอข้อมูลของพนักงานเจ้าหน้าที่)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": _("กรุณาระบุเหตุผลในการเข้าถึงข้อมูลจราจร")},
    )

    def clean_ip(self):
        import ipaddress

        value = self.cleaned_data["ip"].strip()
        if value:
            try:
                ipaddress.ip_network(value, strict=False)
            except ValueError as exc:
                raise forms.ValidationError(_("หมายเลขไอพีไม่ถูกต้อง")) from exc
        return value

    def clean_reason(self):
        value = self.cleaned_data["reason"].strip()
        if len(value) < 5:
            raise forms.ValidationError(_("กรุณาระบุเหตุผลในการเข้าถึงข้อมูลจราจร"))
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("เวลาเริ่มต้นต้องไม่หลังเวลาสิ้นสุด"))
            if end - start > MAX_RANGE:
                raise forms.ValidationError(_("ช่วงเวลาค้นหาต้องไม่เกิน 366 วัน"))
        return cleaned

    def query(self) -> Query:
        data = self.cleaned_data
        return Query(
            start=timezone.localtime(data["start"]),
            end=timezone.localtime(data["end"]),
            ip=data["ip"],
            user_id=data["user_id"].strip(),
            path_contains=data["path_contains"].strip(),
        )


class HoldForm(forms.ModelForm):
    """An official order to keep traffic data of a range longer than the retention period."""

    class Meta:
        from .models import Hold

        model = Hold
        fields = [
            "order_reference",
            "reason",
            "range_start",
            "range_end",
            "keep_until",
            "legal_basis",
            "legal_basis_detail",
        ]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 2}),
            "range_start": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "range_end": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "keep_until": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "reason": {"required": _("กรุณาระบุเหตุผลหรือสาระของคำสั่ง")},
            "range_start": {"required": _("กรุณาระบุเวลาเริ่มต้นของข้อมูลที่ต้องเก็บ")},
            "range_end": {"required": _("กรุณาระบุเวลาสิ้นสุดของข้อมูลที่ต้องเก็บ")},
            "keep_until": {"required": _("กรุณาระบุวันที่ต้องเก็บข้อมูลไว้จนถึง")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Most orders are an official's under s.26: that is what an omitted choice means.
        self.fields["legal_basis"].required = False

    def clean_reason(self):
        value = self.cleaned_data["reason"].strip()
        if not value:
            raise forms.ValidationError(_("กรุณาระบุเหตุผลหรือสาระของคำสั่ง"))
        return value

    def clean_legal_basis(self):
        return self.cleaned_data["legal_basis"] or self._meta.model.LegalBasis.SECTION_26

    def clean_keep_until(self):
        value = self.cleaned_data["keep_until"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("วันที่เก็บไว้จนถึงต้องไม่ก่อนวันนี้"))
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("range_start"), cleaned.get("range_end")
        if start and end and start > end:
            self.add_error("range_end", _("เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่มต้น"))
        return cleaned


class EndHoldForm(forms.Form):
    end_note = forms.CharField(
        label=_("เหตุผลที่ยกเลิก (เช่น เลขที่หนังสือเพิกถอนคำสั่ง)"),
        max_length=1000,
        error_messages={"required": _("กรุณาระบุเหตุผลที่ยกเลิกคำสั่ง")},
    )
