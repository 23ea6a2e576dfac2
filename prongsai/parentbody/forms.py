from django import forms
from django.utils.translation import gettext_lazy as _

from .services import SIGN_OFF_FIELDS, TEXT_FIELDS

LABELS = {
    "results": _("ผลการดำเนินงาน"),
    "problems": _("ปัญหา"),
    "obstacles": _("อุปสรรค"),
    "suggestions": _("ข้อเสนอแนะ"),
    "head_name": _("ชื่อหัวหน้าหน่วยงานผู้รับรองรายงาน"),
    "head_position": _("ตำแหน่งหัวหน้าหน่วยงาน"),
}


class SubmissionForm(forms.Form):
    """The round's questions. Required answers are checked by the service on submit only, so a
    half-filled draft can still be saved."""

    def __init__(self, *args, round_, initial_answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        answers = initial_answers or {}
        given = {c.get("title"): c for c in answers.get("categories", [])}
        self.category_rows = []
        for index, title in enumerate(round_.category_list()):
            prior = given.get(title, {})
            self.fields[f"cat_{index}_published"] = forms.BooleanField(
                label=_("เผยแพร่แล้ว"), required=False, initial=prior.get("published", False)
            )
            self.fields[f"cat_{index}_url"] = forms.URLField(
                label=_("URL"), required=False, initial=prior.get("url", ""), assume_scheme="https"
            )
            self.category_rows.append(
                (title, self[f"cat_{index}_published"], self[f"cat_{index}_url"])
            )
        for name in TEXT_FIELDS:
            self.fields[name] = forms.CharField(
                label=LABELS[name],
                required=False,
                initial=answers.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
                max_length=10000,
            )
        for name in SIGN_OFF_FIELDS:
            self.fields[name] = forms.CharField(
                label=LABELS[name], required=False, initial=answers.get(name, ""), max_length=255
            )

    def text_fields(self):
        return [self[name] for name in TEXT_FIELDS]

    def sign_off_fields(self):
        return [self[name] for name in SIGN_OFF_FIELDS]

    def answers(self) -> dict:
        data = self.cleaned_data
        categories = [
            {
                "title": title,
                "published": bool(data.get(f"cat_{index}_published")),
                "url": data.get(f"cat_{index}_url") or "",
            }
            for index, title in enumerate(self.round.category_list())
        ]
        result = {"categories": categories}
        for name in (*TEXT_FIELDS, *SIGN_OFF_FIELDS):
            result[name] = (data.get(name) or "").strip()
        return result


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ส่งกลับให้แก้ไข"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ReporterForm(forms.Form):
    username = forms.CharField(label=_("ชื่อผู้ใช้ของผู้รายงาน"), max_length=150)
