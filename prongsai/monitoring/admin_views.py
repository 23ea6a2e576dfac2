"""Staff views in the Wagtail admin: the daily check, the owner's review tasks, the archive."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from . import daily, permissions, reviews, selectors, services, tasks
from .jobrunner import job_overview
from .models import DailyCheckSignOff, ExpiredItem, ReviewSchedule
from .selectors import webmaster_shortage


def _require(condition: bool):
    if not condition:
        raise PermissionDenied(_("คุณไม่มีสิทธิ์เข้าถึงหน้านี้"))


class SignOffForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("บันทึกข้อผิดพลาดที่พบและการแก้ไข"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def _message_of(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


def _month_asked(request):
    """``?month=11/2569`` (month/Buddhist-era year) → the first of that month, or an error."""
    import datetime as dt
    import re

    text = (request.GET.get("month") or "").strip()
    if not text:
        return None, ""
    match = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if match and 1 <= int(match[1]) <= 12 and 2400 <= int(match[2]) <= 2700:
        return dt.date(int(match[2]) - 543, int(match[1]), 1), ""
    return None, _("กรุณาระบุเดือนในรูปแบบ ดด/ปปปป (ปี พ.ศ.) เช่น 11/2569")


def daily_check(request):
    _require(permissions.can_view_daily_check(request.user))
    today = timezone.localdate()
    month, month_error = _month_asked(request)
    form = SignOffForm(request.POST or None)
    if request.method == "POST" and "sign_off" in request.POST:
        _require(permissions.can_sign_off(request.user))
        try:
            services.sign_off(request.user, request.POST.get("note", ""), day=today)
        except ValidationError as exc:
            form.add_error(None, _message_of(exc))
        else:
            messages.success(request, _("ลงนามการตรวจประจำวันเรียบร้อยแล้ว"))
            return redirect("monitoring_admin:daily_check")
    return TemplateResponse(
        request,
        "monitoring/admin/daily_check.html",
        {
            "run": daily.latest_run(today),
            "today": today,
            "form": form,
            "signoff": DailyCheckSignOff.objects.filter(day=today).first(),
            "can_sign_off": permissions.can_sign_off(request.user),
            "history": DailyCheckSignOff.objects.select_related("user")[:30],
            "unsigned_days": daily.unsigned_days(month=month),
            "unsigned_month": month,
            "month_value": request.GET.get("month", ""),
            "month_error": month_error,
            "jobs": job_overview(),
            "webmaster_shortage": webmaster_shortage(),
        },
    )


@require_POST
def rerun_daily_check(request):
    _require(permissions.can_sign_off(request.user))
    if request.POST.get("external"):
        tasks.check_external_links_now.enqueue()
        messages.success(request, _("ส่งงานตรวจลิงก์ภายนอกให้ระบบเบื้องหลังแล้ว ผลจะปรากฏเมื่อตรวจเสร็จ"))
    else:
        daily.run_daily_check(check_external_links=False)
        messages.success(request, _("ตรวจใหม่เรียบร้อยแล้ว"))
    return redirect("monitoring_admin:daily_check")


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("บันทึกผลการทบทวน"), widget=forms.Textarea(attrs={"rows": 3})
    )


def my_reviews(request):
    return TemplateResponse(
        request,
        "monitoring/admin/my_reviews.html",
        {"schedules": reviews.reviews_for_user(request.user), "form": ReviewForm()},
    )


@require_POST
def review_action(request, schedule_id: int):
    schedule = get_object_or_404(ReviewSchedule, pk=schedule_id)
    _require(permissions.can_review(request.user, schedule))
    action = request.POST.get("action")
    note = request.POST.get("note", "")
    try:
        if action == "confirm":
            services.confirm_review(schedule, request.user, note)
            messages.success(request, _("ยืนยันความถูกต้องแล้ว เริ่มนับรอบการทบทวนใหม่"))
        elif action == "revise":
            services.request_revision(schedule, request.user, note)
            messages.success(request, _("เปิดคำขอแก้ไขตามขั้นตอนอนุมัติแล้ว"))
        else:
            messages.error(request, _("ไม่รู้จักการดำเนินการนี้"))
    except ValidationError as exc:
        messages.error(request, _message_of(exc))
    return redirect("monitoring_admin:my_reviews")


class IntervalForm(forms.Form):
    interval_days = forms.IntegerField(
        label=gettext_lazy("รอบการทบทวน (วัน)"),
        required=False,
        help_text=gettext_lazy("เว้นว่างเพื่อใช้ค่าตั้งต้นตามหมวดหมู่"),
    )


def review_settings(request, page_id: int):
    from wagtail.models import Page

    page = get_object_or_404(Page, pk=page_id)
    _require(permissions.can_set_interval(request.user, page))
    schedule = selectors.schedule_preview(page)  # saved only by set_interval on a valid POST
    form = IntervalForm(request.POST or None, initial={"interval_days": schedule.interval_days})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_interval(schedule, form.cleaned_data["interval_days"], request.user)
        except (ValidationError, PermissionDenied) as exc:
            form.add_error(
                "interval_days", _message_of(exc) if hasattr(exc, "messages") else str(exc)
            )
        else:
            messages.success(request, _("บันทึกรอบการทบทวนแล้ว"))
            return redirect("monitoring_admin:review_settings", page_id=page.pk)
    return TemplateResponse(
        request,
        "monitoring/admin/review_settings.html",
        {"page": page, "schedule": schedule, "form": form},
    )


def expired_archive(request):
    _require(request.user.is_staff)
    return TemplateResponse(
        request,
        "monitoring/admin/expired_archive.html",
        {"items": ExpiredItem.objects.all()[:500]},
    )


class StaleContentReportView(ReportView):
    """Overdue reviews, ordered by owner unit (R31)."""

    page_title = gettext_lazy("เนื้อหาค้างทบทวน")
    header_icon = "time"
    index_url_name = "monitoring_admin:stale_content"
    index_results_url_name = "monitoring_admin:stale_content_results"
    list_export = [
        "page.title",
        "unit_name",
        "due_at",
        "reminders_sent",
        "reminder_status",
        "escalation_status",
    ]
    export_headings = {
        "page.title": gettext_lazy("รายการ"),
        "unit_name": gettext_lazy("หน่วยงานเจ้าของข้อมูล"),
        "due_at": gettext_lazy("ครบกำหนดทบทวน"),
        "reminders_sent": gettext_lazy("เตือนแล้ว (ครั้ง)"),
        "reminder_status": gettext_lazy("เตือนเจ้าของข้อมูลล่าสุด"),
        "escalation_status": gettext_lazy("แจ้งหัวหน้าหน่วยงาน"),
    }
    columns = [
        TitleColumn(
            "title",
            label=gettext_lazy("รายการ"),
            accessor="page.title",
            get_url=lambda s: f"/admin/pages/{s.page_id}/edit/",
        ),
        Column("unit_name", label=gettext_lazy("หน่วยงานเจ้าของข้อมูล")),
        DateColumn("due_at", label=gettext_lazy("ครบกำหนดทบทวน")),
        Column("reminders_sent", label=gettext_lazy("เตือนแล้ว (ครั้ง)")),
        Column("reminder_status", label=gettext_lazy("เตือนเจ้าของข้อมูลล่าสุด")),
        Column("escalation_status", label=gettext_lazy("แจ้งหัวหน้าหน่วยงาน")),
    ]

    def dispatch(self, request, *args, **kwargs):
        _require(permissions.can_view_daily_check(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from .models import ReviewNotice

        rows = list(reviews.overdue_reviews().prefetch_related("notices"))
        for schedule in rows:
            unit = getattr(schedule.page.specific, "owner_unit", None)
            schedule.unit_name = unit.name if unit else _("ไม่ระบุหน่วยงาน")
            # What was actually sent, to whom and when, or why not (never a date with no e-mail).
            schedule.reminder_status = reviews.notice_status(schedule, ReviewNotice.Kind.REMINDER)
            schedule.escalation_status = reviews.notice_status(
                schedule, ReviewNotice.Kind.ESCALATION
            )
        rows.sort(key=lambda s: (s.unit_name, s.due_at))
        return rows

    def filter_queryset(self, queryset):
        return queryset
