"""Admin pages for choosing one's own password and for two-factor sign-in (R41)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockout, services, staff_sessions, two_factor
from .forms import OwnPasswordForm, ResetReasonForm, TokenForm
from .permissions import can_reset_others_account
from .roles import Role, user_has_role


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


class AccountFormView(WagtailAdminTemplateMixin, FormView):
    header_icon = "key"
    breadcrumbs_items = []  # a plain header with the page title; these pages stand alone

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = _next_url(self.request)
        return context

    def apply(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            response = self.apply(form)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        return response


class ChangeOwnPasswordView(AccountFormView):
    template_name = "accounts/change_password.html"
    form_class = OwnPasswordForm
    page_title = _("ตั้งรหัสผ่านของคุณ")

    def apply(self, form):
        services.set_own_password(
            self.request.user,
            form.cleaned_data["current_password"],
            form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(self.request, self.request.user)
        # Django would refuse the other sessions at their next request; end them now so the
        # sessions screen agrees (ADR 0258).
        staff_sessions.end_others_after_credential_change(
            self.request, two_factor.acting_user(self.request), staff_sessions.PASSWORD_CHANGED
        )
        messages.success(self.request, _("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว"))
        return redirect(_next_url(self.request))


class EnrolView(AccountFormView):
    """Enrol (or replace) a device — only when two_factor.enrolment_refusal allows it; the
    service checks again, this only picks the page to show instead (ADR 0070)."""

    template_name = "accounts/two_factor_enrol.html"
    form_class = TokenForm
    page_title = _("ตั้งค่าการยืนยันตัวตนสองขั้นตอน")

    def dispatch(self, request, *args, **kwargs):
        refusal = two_factor.enrolment_refusal(request)
        if refusal == two_factor.MUST_VERIFY:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('prongsai_accounts:verify')}?{query}")
        if refusal == two_factor.MUST_SIGN_IN_AGAIN:
            return self.response_class(
                request=request,
                template=["accounts/two_factor_sign_in_again.html"],
                context={
                    **AccountFormView.get_context_data(self),
                    "page_title": _("กรุณาเข้าสู่ระบบอีกครั้ง"),
                    "header_title": _("กรุณาเข้าสู่ระบบอีกครั้ง"),
                    "minutes": two_factor.FRESH_SIGN_IN_SECONDS // 60,
                },
                using=self.template_engine,
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = two_factor.pending_device(self.request.user)
        context["qr_svg"] = two_factor.qr_code_svg(device)
        context["secret"] = two_factor.base32_secret(device)
        context["already_enrolled"] = two_factor.has_confirmed_device(self.request.user)
        context["required"] = two_factor.two_factor_required(self.request.user)
        return context

    def apply(self, form):
        codes = two_factor.confirm_enrolment(self.request, form.cleaned_data["token"])
        messages.success(self.request, _("เปิดใช้การยืนยันตัวตนสองขั้นตอนเรียบร้อยแล้ว"))
        # Shown once, right here; only their hashes' owner (the database) keeps them after.
        return self.response_class(
            request=self.request,
            template=["accounts/two_factor_backup_codes.html"],
            context={
                **super().get_context_data(),
                "codes": codes,
                "page_title": _("รหัสสำรอง"),
                "header_title": _("รหัสสำรอง"),
            },
            using=self.template_engine,
        )


class VerifyView(AccountFormView):
    template_name = "accounts/two_factor_verify.html"
    form_class = TokenForm
    page_title = _("ยืนยันตัวตนขั้นที่สอง")

    def get(self, request, *args, **kwargs):
        if not two_factor.has_confirmed_device(request.user):
            query = urlencode({"next": _next_url(request)})
            return redirect(f"{reverse('prongsai_accounts:enrol')}?{query}")
        return super().get(request, *args, **kwargs)

    def apply(self, form):
        two_factor.verify_sign_in(self.request, form.cleaned_data["token"])
        return redirect(_next_url(self.request))


class TwoFactorResetView(AccountFormView):
    """An administrator clears another person's devices, with a reason (ADR 0070)."""

    template_name = "accounts/two_factor_reset.html"
    form_class = ResetReasonForm
    page_title = _("ล้างอุปกรณ์ยืนยันตัวตนสองขั้นตอน")

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        if not can_reset_others_account(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        context["has_device"] = two_factor.has_any_confirmed_device(self.account)
        context["next"] = reverse("wagtailusers_users:edit", args=[self.account.pk])
        return context

    def apply(self, form):
        two_factor.reset_two_factor(
            self.account,
            by=two_factor.acting_user(self.request),
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            self.request,
            _("ล้างอุปกรณ์ยืนยันตัวตนของ %(name)s แล้ว เจ้าของบัญชีจะตั้งค่าใหม่เมื่อเข้าสู่ระบบครั้งถัดไป")
            % {"name": self.account.display_name()},
        )
        return redirect(reverse("wagtailusers_users:edit", args=[self.account.pk]))


class UnlockSignInView(AccountFormView):
    """An administrator lifts a sign-in lockout early (ADR 0072), audited."""

    template_name = "accounts/unlock_sign_in.html"
    form_class = forms.Form
    page_title = _("ปลดการระงับการเข้าสู่ระบบ")

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        if not user_has_role(request.user, Role.ADMINISTRATOR):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        context["next"] = reverse("wagtailusers_users:edit", args=[self.account.pk])
        return context

    def apply(self, form):
        lockout.unlock_sign_in(self.account, by=two_factor.acting_user(self.request))
        messages.success(
            self.request,
            _("ปลดการระงับการเข้าสู่ระบบของ %(name)s แล้ว") % {"name": self.account.display_name()},
        )
        return redirect(reverse("wagtailusers_users:edit", args=[self.account.pk]))
