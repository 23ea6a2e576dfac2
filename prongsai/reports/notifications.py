"""Thai e-mails about reports, queued to go out only after the transaction commits."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core import notify
from prongsai.core.thaidate import thai_date

from .permissions import supervisors

SIGNATURE = gettext_lazy("ระบบรายงานผลการดำเนินงานเว็บไซต์ (Prongsai)")


def report_url(report) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("reports_admin:detail", args=[report.pk])


def _mail(users, subject: str, lines: list[str], attachment=None) -> None:
    notify.send_later(
        users,
        _("[รายงาน] %(subject)s") % {"subject": subject},
        [*lines, "", str(SIGNATURE)],
        attachment=attachment,
    )


def approved_pdf(report_pk: int) -> tuple[str, bytes, str]:
    """The approved report's PDF, made by the mail task when it sends (core.notify)."""
    from .exports import render_report_pdf
    from .models import Report

    report = Report.objects.get(pk=report_pk)
    return (
        f"report-{report.period_start:%Y%m}-{report.period_end:%Y%m}.pdf",
        render_report_pdf(report),
        "application/pdf",
    )


def webmasters() -> list:
    return list(users_with_role(Role.WEBMASTER))


def notify_opened(report) -> None:
    _mail(
        webmasters(),
        _("ร่างรายงาน%(label)s") % {"label": report.label},
        [
            _("รอบ%(label)s (%(range)s) สิ้นสุดแล้ว")
            % {"label": report.label, "range": report.period.range_label},
            _("ระบบสร้างร่างรายงานพร้อมตัวเลขจากระบบ กรุณาเขียนผลการดำเนินงาน ปัญหา อุปสรรค และข้อเสนอแนะ"),
            _("กำหนดเสนอผู้บังคับบัญชาภายในวันที่ %(date)s") % {"date": thai_date(report.due_date)},
            report_url(report),
        ],
    )


def notify_submitted(report) -> None:
    _mail(
        supervisors(report.site),
        _("รายงาน%(label)s รอท่านพิจารณา") % {"label": report.label},
        [
            _("%(name)s เสนอรายงาน%(label)s")
            % {"name": report.submitted_by.display_name(), "label": report.label},
            _("กำหนดส่ง %(date)s") % {"date": thai_date(report.due_date)},
            report_url(report),
        ],
    )


def notify_returned(report, reason: str) -> None:
    _mail(
        [report.submitted_by, *webmasters()],
        _("รายงาน%(label)s ถูกส่งกลับให้แก้ไข") % {"label": report.label},
        [_("เหตุผล: %(reason)s") % {"reason": reason}, report_url(report)],
    )


def notify_approved(report) -> None:
    """The approved report, its PDF attached, to the executives and the web team."""
    executives = list(users_with_role(Role.EXECUTIVE))
    _mail(
        [*executives, report.submitted_by, *webmasters()],
        _("รายงาน%(label)s (อนุมัติแล้ว)") % {"label": report.label},
        [
            _("%(name)s อนุมัติรายงาน%(label)s เมื่อ %(date)s")
            % {
                "name": report.approved_by.display_name(),
                "label": report.label,
                "date": thai_date(report.approved_at),
            },
            _("แนบไฟล์รายงานฉบับ PDF"),
            report_url(report),
        ],
        ("prongsai.reports.notifications.approved_pdf", report.pk),
    )
    if executives:
        from .models import Report

        transaction.on_commit(
            lambda: Report.objects.filter(pk=report.pk).update(delivered_at=timezone.now())
        )
