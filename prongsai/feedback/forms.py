"""Public forms. Every message is Thai; anything refused leaves nothing stored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .challenge import is_solved
from .models import BODY_MAX, COMMENT_MAX, NAME_MAX, TITLE_MAX, RespondentGroup, SurveyQuestion
from .validators import no_bidi_controls, no_markup

SCORE_CHOICES = [
    (5, _("5 มากที่สุด")),
    (4, _("4 มาก")),
    (3, _("3 ปานกลาง")),
    (2, _("2 น้อย")),
    (1, _("1 น้อยที่สุด")),
]
REQUIRED = _("กรุณากรอกข้อมูลช่องนี้")


class AntiAbuseForm(forms.Form):
    """Honeypot plus the arithmetic challenge, which is required only near the rate limit."""

    website = forms.CharField(required=False, label=_("เว็บไซต์ (เว้นว่างไว้)"))
    challenge_token = forms.CharField(required=False, widget=forms.HiddenInput)
    challenge_answer = forms.CharField(
        required=False, max_length=10, label=_("คำถามยืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ")
    )

    def __init__(self, *args, challenge: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        #: what the page shows: this post's challenge, or the next post's (views._guarded_post)
        self.shown_challenge = challenge
        if challenge is None:
            del self.fields["challenge_token"]
            del self.fields["challenge_answer"]
        else:
            self.fields["challenge_token"].initial = challenge["token"]
            self.fields["challenge_answer"].help_text = challenge["question"]

    @property
    def is_honeypot_filled(self) -> bool:
        return bool(self.data.get("website"))

    def clean(self):
        cleaned = super().clean()
        if self.challenge is not None and not is_solved(
            self.data.get("challenge_token", ""), self.data.get("challenge_answer", "")
        ):
            self.add_error("challenge_answer", _("คำตอบคำถามยืนยันไม่ถูกต้อง กรุณาตอบคำถามใหม่ที่แสดง"))
        return cleaned


def text_field(label, max_length, *, required=True, textarea=False, help_text=""):
    """Plain text from the public: stripped, bounded, no markup, Thai messages."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        strip=True,
        help_text=help_text,
        validators=[no_markup, no_bidi_controls],
        widget=forms.Textarea(attrs={"rows": 6}) if textarea else forms.TextInput,
        error_messages={
            "required": REQUIRED,
            "max_length": _("ข้อความยาวเกินไป (ไม่เกิน %(limit_value)d ตัวอักษร)"),
        },
    )


class SurveyForm(AntiAbuseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(SurveyQuestion.objects.filter(is_active=True))
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("กรุณาเลือกระดับความพึงพอใจ 1–5"),
                    "invalid_choice": _("ระดับความพึงพอใจต้องเป็น 1 ถึง 5 เท่านั้น"),
                },
            )
        self.fields["respondent_group"] = forms.ModelChoiceField(
            label=_("กลุ่มผู้ตอบ (ไม่บังคับ)"),
            queryset=RespondentGroup.objects.filter(is_active=True),
            required=False,
            empty_label=_("— ไม่ระบุ —"),
            error_messages={"invalid_choice": _("กรุณาเลือกกลุ่มผู้ตอบจากรายการ")},
        )
        self.fields["comment"] = text_field(
            _("ข้อเสนอแนะเพิ่มเติม (ไม่บังคับ)"), COMMENT_MAX, required=False, textarea=True
        )
        # Anti-abuse fields last so the form reads in order.
        for name in ("website", "challenge_token", "challenge_answer"):
            if name in self.fields:
                self.fields[name] = self.fields.pop(name)

    def score_fields(self):
        return [self[f"q{question.pk}"] for question in self.questions]

    def scores(self) -> dict:
        return {question: self.cleaned_data[f"q{question.pk}"] for question in self.questions}


class QuestionForm(AntiAbuseForm):
    title = text_field(_("หัวข้อคำถาม"), TITLE_MAX)
    body = text_field(_("รายละเอียดคำถาม"), BODY_MAX, textarea=True)
    asker_name = text_field(_("ชื่อผู้ถาม (ไม่บังคับ จะไม่แสดงต่อสาธารณะ)"), NAME_MAX, required=False)
    asker_email = forms.EmailField(
        label=_("อีเมลสำหรับแจ้งเมื่อมีคำตอบ (ไม่บังคับ)"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("รูปแบบอีเมลไม่ถูกต้อง")},
    )
    email_consent = forms.BooleanField(
        label=_("ข้าพเจ้ายินยอมให้หน่วยงานใช้อีเมลนี้เพื่อแจ้งคำตอบตามประกาศข้างต้น"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("website", "challenge_token", "challenge_answer"):
            if name in self.fields:
                self.fields[name] = self.fields.pop(name)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("asker_email") and not cleaned.get("email_consent"):
            self.add_error(
                "email_consent",
                _("หากระบุอีเมล กรุณาให้ความยินยอมในการใช้อีเมลเพื่อแจ้งคำตอบ หรือลบอีเมลออก"),
            )
        return cleaned


class ModerationForm(forms.Form):
    public_title = text_field(_("หัวข้อที่เผยแพร่"), TITLE_MAX)
    public_body = text_field(
        _("รายละเอียดที่เผยแพร่ (ลบข้อมูลส่วนบุคคลออกก่อนเผยแพร่)"), BODY_MAX, textarea=True
    )
    answer = forms.CharField(
        label=_("คำตอบ"),
        max_length=BODY_MAX * 2,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("เหตุผล"), max_length=255, validators=[no_markup])


class MergeForm(forms.Form):
    target = forms.IntegerField(
        label=_("เลขที่คำถามที่ซ้ำกัน (คำถามหลัก)"),
        min_value=1,
        error_messages={"required": REQUIRED, "invalid": _("กรุณาระบุเลขที่คำถาม")},
    )
