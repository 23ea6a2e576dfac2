"""Wagtail's user screens with the staff fields the request form and contacts need (R20):
position, unit and telephone. Accounts are created here, by administrators only."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import EditView as WagtailEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .roles import Role, user_has_role

STAFF_FIELDS = {"position", "unit", "phone"}


class RolesOutsideTheEditorMixin:
    """The traffic coordinator role is neither offered nor accepted here, and a membership the
    account already has is kept: only the two-person action changes it (coordinator_role.py,
    ADR 0071). A forged POST with the group's id is refused as an invalid choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["groups"]
        field.queryset = Group.objects.exclude(name=Role.TRAFFIC_COORDINATOR.value)
        field.error_messages["invalid_choice"] = _(
            "บทบาทที่เลือกให้ในหน้านี้ไม่ได้ (ผู้ประสานงานข้อมูลจราจรแต่งตั้งได้ที่เมนู "
            "ตั้งค่า → ผู้ประสานงานข้อมูลจราจร เท่านั้น)"
        )
        self._kept_groups = (
            list(self.instance.groups.filter(name=Role.TRAFFIC_COORDINATOR.value))
            if self.instance.pk
            else []
        )

    def _save_m2m(self):
        super()._save_m2m()
        if self._kept_groups:
            self.instance.groups.add(*self._kept_groups)


class PlainSuperuserMixin:
    """Wagtail's superuser box read "ผู้บริหารของเว็บไซด์" beside our "ผู้บริหาร" (executive) role,
    so full control could be granted by mistake: say what it is, and ask for a confirmation
    ticked on purpose when granting it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "is_superuser" not in self.fields:
            return
        self.fields["is_superuser"].label = _(
            "ผู้ดูแลระบบสูงสุด (superuser) — มีสิทธิ์ทุกอย่างในระบบ ไม่ใช่บทบาท “ผู้บริหาร”"
        )
        self.fields["is_superuser"].help_text = _(
            "แก้ไข ลบ และเผยแพร่ได้ทุกอย่าง จัดการผู้ใช้และสิทธิ์ทั้งหมดได้ ไม่ต้องผ่านบทบาทใด "
            "(ยกเว้นการเปิดข้อมูลจราจรทางคอมพิวเตอร์) ให้เฉพาะผู้ที่จำเป็นจริง ๆ"
        )
        self.fields["confirm_superuser"] = forms.BooleanField(
            label=_("ยืนยันการให้สิทธิ์ผู้ดูแลระบบสูงสุด"),
            required=False,
            help_text=_("ทำเครื่องหมายเมื่อตั้งใจให้ผู้ใช้นี้มีสิทธิ์ทุกอย่างในระบบ"),
        )

    def clean(self):
        cleaned = super().clean()
        granting = cleaned.get("is_superuser") and not (
            self.instance.pk and self.instance.is_superuser
        )
        if granting and not cleaned.get("confirm_superuser"):
            self.add_error(
                "confirm_superuser",
                _("กรุณาทำเครื่องหมายยืนยัน เพราะสิทธิ์ผู้ดูแลระบบสูงสุดทำได้ทุกอย่างในระบบ"),
            )
        return cleaned


class StaffCreationForm(PlainSuperuserMixin, RolesOutsideTheEditorMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | STAFF_FIELDS


class StaffEditForm(PlainSuperuserMixin, RolesOutsideTheEditorMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | STAFF_FIELDS


class StaffEditView(WagtailEditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Another person's devices only: one's own go through the verified enrol page.
        context["can_reset_two_factor"] = (
            user_has_role(self.request.user, Role.ADMINISTRATOR) and not self.editing_self
        )
        context["can_unlock"] = user_has_role(self.request.user, Role.ADMINISTRATOR)
        context["can_end_sessions"] = context["can_reset_two_factor"]
        return context


class StaffUserViewSet(WagtailUserViewSet):
    edit_view_class = StaffEditView
    create_template_name = "accounts/users/create.html"
    edit_template_name = "accounts/users/edit.html"

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm
