"""Wagtail's user screens with the staff fields the request form and contacts need (R20):
position, unit and telephone. Accounts are created here, by administrators only."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import EditView as WagtailEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .roles import Role, user_has_role

STAFF_FIELDS = {"position", "unit", "phone"}


class StaffCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | STAFF_FIELDS


class StaffEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | STAFF_FIELDS


class StaffEditView(WagtailEditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Another person's devices only: one's own go through the verified enrol page.
        context["can_reset_two_factor"] = (
            user_has_role(self.request.user, Role.ADMINISTRATOR) and not self.editing_self
        )
        return context


class StaffUserViewSet(WagtailUserViewSet):
    edit_view_class = StaffEditView
    create_template_name = "accounts/users/create.html"
    edit_template_name = "accounts/users/edit.html"

    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm
