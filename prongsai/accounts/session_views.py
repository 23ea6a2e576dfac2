"""Screens for staff sessions (ADR 0258): "my sessions" for everyone, and an administrator's
view of another person's sessions with "end them all". The rules are in staff_sessions."""

from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.core.thaidate import thai_datetime

from . import staff_sessions
from .forms import EndSessionsReasonForm, ReauthenticationForm
from .permissions import can_reset_others_account
from .two_factor import acting_user
from .views import AccountFormView

# Checked in order: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = (
    ("Edg/", "Microsoft Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def device_label(user_agent: str) -> str:
    browser = next((name for marker, name in BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in SYSTEMS if marker in user_agent), None)
    if browser is None and system is None:
        return _("อุปกรณ์ที่ไม่ทราบชนิด")
    return " · ".join(part for part in (browser, system) if part)


def session_rows(rows, current=None) -> list[dict]:
    return [
        {
            "id": row.pk,
            "device": device_label(row.user_agent),
            "user_agent": row.user_agent,
            "address": row.address or _("ไม่ทราบ"),
            "signed_in": thai_datetime(row.signed_in_at),
            "last_activity": thai_datetime(row.last_activity_at),
            "current": row.pk == current,
        }
        for row in rows
    ]


class MySessionsView(AccountFormView):
    """ASVS 7.5.2: see one's signed-in sessions and end any or all others, after typing the
    password or a two-factor code again."""

    template_name = "accounts/my_sessions.html"
    form_class = ReauthenticationForm
    page_title = gettext_lazy("การเข้าสู่ระบบของฉัน")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = staff_sessions.current_row_id(self.request)
        rows = staff_sessions.live_sessions(self.request.user, current=current)
        context["sessions"] = session_rows(rows, current)
        context["has_others"] = any(row.pk != current for row in rows)
        context["limit"] = staff_sessions.max_sessions()
        return context

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except PermissionDenied:
            # Too many wrong answers: this session was ended (staff_sessions).
            logout(request)
            return redirect(reverse("wagtailadmin_login"))

    def apply(self, form):
        user = acting_user(self.request)
        secret = form.cleaned_data["secret"]
        if "end_others" in self.request.POST:
            ended = staff_sessions.end_other_sessions(self.request, user, secret)
            messages.success(
                self.request, _("ออกจากระบบอุปกรณ์อื่นแล้ว %(count)d รายการ") % {"count": ended}
            )
            return redirect(reverse("prongsai_accounts:my_sessions"))
        try:
            session_id = int(self.request.POST.get("end_session", ""))
        except ValueError as error:
            raise ValidationError(_("กรุณาเลือกการเข้าสู่ระบบที่ต้องการยุติ")) from error
        if staff_sessions.end_own_session(self.request, user, session_id, secret):
            logout(self.request)
            return redirect(reverse("wagtailadmin_login"))
        messages.success(self.request, _("ออกจากระบบอุปกรณ์นั้นแล้ว"))
        return redirect(reverse("prongsai_accounts:my_sessions"))


class UserSessionsView(AccountFormView):
    """ASVS 7.4.5: an administrator sees another person's sessions and ends them all, with a
    reason; audited."""

    template_name = "accounts/user_sessions.html"
    form_class = EndSessionsReasonForm
    page_title = gettext_lazy("การเข้าสู่ระบบของผู้ใช้")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.account = get_object_or_404(get_user_model(), pk=kwargs["pk"])
        if not can_reset_others_account(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["account"] = self.account
        context["sessions"] = session_rows(staff_sessions.live_sessions(self.account))
        context["next"] = reverse("wagtailusers_users:edit", args=[self.account.pk])
        return context

    def apply(self, form):
        ended = staff_sessions.end_all_sessions_by_administrator(
            self.account, by=acting_user(self.request), reason=form.cleaned_data["reason"]
        )
        messages.success(
            self.request,
            _("ยุติการเข้าสู่ระบบของ %(name)s แล้ว %(count)d รายการ")
            % {"name": self.account.display_name(), "count": ended},
        )
        return redirect(reverse("prongsai_accounts:user_sessions", args=[self.account.pk]))
