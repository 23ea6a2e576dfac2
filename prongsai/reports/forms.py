from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report


class WrittenForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["results", "problems", "obstacles", "suggestions"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ส่งกลับให้แก้ไข"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class OpenForm(forms.Form):
    period = forms.ChoiceField(label=_("รอบรายงาน"))

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = {f"{p.fiscal_year}-{p.round}": p for p in periods}
        self.fields["period"].choices = [(key, p.label) for key, p in self.periods.items()]

    def chosen(self):
        return self.periods[self.cleaned_data["period"]]
