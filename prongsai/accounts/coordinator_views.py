"""The admin page for the two-person traffic coordinator appointment (R40, ADR 0071)."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import coordinator_role, permissions
from .models import CoordinatorRoleChange
from .roles import Role, users_with_role
from .two_factor import acting_user


class ProposeForm(forms.Form):
    account = forms.ModelChoiceField(
        label=_("ผู้ใช้งาน"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
    )
    grant = forms.TypedChoiceField(
        label=_("รายการ"),
        choices=[("1", _("แต่งตั้งเป็นผู้ประสานงานข้อมูลจราจร")), ("0", _("ถอดถอน"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("เหตุผล / เลขที่คำสั่งแต่งตั้ง"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class CoordinatorRoleView(WagtailAdminTemplateMixin, FormView):
    template_name = "accounts/coordinator_role.html"
    form_class = ProposeForm
    page_title = _("ผู้ประสานงานข้อมูลจราจร")
    header_icon = "key"
    breadcrumbs_items = []

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_confirm_coordinator(request.user):  # administrators and executives
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["coordinators"] = users_with_role(Role.TRAFFIC_COORDINATOR)
        context["pending"] = coordinator_role.pending_changes()
        context["history"] = CoordinatorRoleChange.objects.exclude(
            pk__in=context["pending"]
        ).select_related("account", "proposed_by", "decided_by")[:50]
        context["can_propose"] = permissions.can_propose_coordinator(self.request.user)
        context["me"] = acting_user(self.request)
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in {"confirm", "cancel"}:
            change = get_object_or_404(CoordinatorRoleChange, pk=request.POST.get("change"))
            service = coordinator_role.confirm if action == "confirm" else coordinator_role.cancel
            try:
                service(change, by=acting_user(request))
            except (PermissionDenied, ValidationError) as error:
                messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
            else:
                messages.success(request, _("บันทึกแล้ว"))
            return redirect(reverse("prongsai_accounts:coordinator_role"))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            coordinator_role.propose(
                form.cleaned_data["account"],
                grant=form.cleaned_data["grant"],
                by=acting_user(self.request),
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied as error:  # a refusal (core.permissions.Refused) included
            form.add_error(None, str(error))
            return self.form_invalid(form)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("บันทึกข้อเสนอแล้ว รอผู้บริหารหรือผู้ดูแลระบบอีกคนหนึ่งยืนยัน"))
        return redirect(reverse("prongsai_accounts:coordinator_role"))
