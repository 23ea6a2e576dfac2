"""Django's password validators with Thai messages (Django ships no Thai text for them).

Configured in settings (AUTH_PASSWORD_VALIDATORS, minimum length 12) under the accounts
marker; the rules themselves are Django's own.
"""

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def __init__(self, min_length=12):
        super().__init__(min_length)

    def get_error_message(self):
        return _("รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย %(min_length)d ตัวอักษร") % {
            "min_length": self.min_length
        }

    def get_help_text(self):
        return _("รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร") % {"min_length": self.min_length}


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านนี้เป็นรหัสที่คนทั่วไปใช้กันมาก เดาได้ง่าย กรุณาตั้งรหัสอื่น")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่ใช่รหัสที่ใช้กันทั่วไป")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            attribute = error.params.get("verbose_name", "") if error.params else ""
            raise ValidationError(
                _("รหัสผ่านคล้ายกับ%(attribute)sของคุณมากเกินไป") % {"attribute": attribute},
                code="password_too_similar",
            ) from error

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่คล้ายกับชื่อผู้ใช้ ชื่อ หรืออีเมลของคุณ")
