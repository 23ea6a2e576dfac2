"""Wagtail's sign-in form with labels that go through gettext.

Wagtail's LoginForm declares its password field without a label, so Django shows the field
name, "Password", in English whatever the catalogue says (docs/adr/0110).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class ThaiLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("รหัสผ่าน")
