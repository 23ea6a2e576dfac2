from django import forms
from django.contrib.auth import password_validation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

password_rules_html = lazy(password_validation.password_validators_help_text_html, str)


class OwnPasswordForm(forms.Form):
    current_password = forms.CharField(
        label=_("รหัสผ่านปัจจุบัน (ที่ได้รับจากผู้ดูแลระบบ)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = forms.CharField(
        label=_("รหัสผ่านใหม่"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_rules_html(),
    )
    new_password2 = forms.CharField(
        label=_("ยืนยันรหัสผ่านใหม่"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", _("รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"))
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("รหัสยืนยัน"),
        max_length=16,
        help_text=_("รหัส 6 หลักจากแอปยืนยันตัวตน หรือรหัสสำรองที่ยังไม่เคยใช้"),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class ResetReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผล"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("เช่น เจ้าของบัญชีแจ้งว่าโทรศัพท์หายและไม่มีรหัสสำรอง (บันทึกไว้ในประวัติการใช้งาน)"),
        error_messages={"required": _("กรุณาระบุเหตุผลในการล้างอุปกรณ์ยืนยันตัวตน")},
    )


class ReauthenticationForm(forms.Form):
    """Ending sessions needs the password or a two-factor code again (ASVS 7.5.2)."""

    secret = forms.CharField(
        label=_("รหัสผ่านหรือรหัสยืนยันจากแอป"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("เพื่อยืนยันว่าเป็นเจ้าของบัญชี กรอกรหัสผ่านของคุณ หรือรหัส 6 หลักจากแอปยืนยันตัวตน"),
        error_messages={"required": _("กรุณากรอกรหัสผ่านหรือรหัสยืนยันจากแอป")},
    )
    session = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EndSessionsReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผล"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("เช่น เจ้าของบัญชีแจ้งว่าลืมออกจากระบบที่เครื่องสาธารณะ (บันทึกไว้ในประวัติการใช้งาน)"),
        error_messages={"required": _("กรุณาระบุเหตุผลในการยุติการเข้าสู่ระบบ")},
    )
