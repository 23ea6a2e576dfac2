"""Reading a reporting period (start/end dates) from staff report filters."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=_("ตั้งแต่วันที่"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("รูปแบบวันที่ไม่ถูกต้อง")},
    )
    end = forms.DateField(
        label=_("ถึงวันที่"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("รูปแบบวันที่ไม่ถูกต้อง")},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            raise forms.ValidationError(_("วันเริ่มต้นต้องไม่หลังวันสิ้นสุด"))
        return cleaned

    def period(self, default_days: int = 365) -> tuple[dt.date, dt.date]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or today
        start = data.get("start") or (end - dt.timedelta(days=default_days - 1))
        return start, end
