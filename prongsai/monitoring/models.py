"""Records that keep the site current and make forgotten work visible (R30–R33)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobOutcome(models.TextChoices):
    RUNNING = "running", _("กำลังทำงาน")
    SUCCESS = "success", _("สำเร็จ")
    FAILED = "failed", _("ล้มเหลว")


class JobRun(models.Model):
    """One run of a periodic job, so a job that silently stopped shows up as a missed run (R32)."""

    job = models.CharField(_("งาน"), max_length=100, db_index=True)
    started = models.DateTimeField(_("เริ่ม"), default=timezone.now)
    finished = models.DateTimeField(_("เสร็จ"), null=True, blank=True)
    outcome = models.CharField(
        _("ผลการทำงาน"), max_length=10, choices=JobOutcome, default=JobOutcome.RUNNING
    )
    counts = models.JSONField(_("จำนวนที่ดำเนินการ"), default=dict, blank=True)
    error = models.TextField(_("ข้อผิดพลาด"), blank=True)

    class Meta:
        verbose_name = _("การทำงานของงานตามกำหนดเวลา")
        verbose_name_plural = _("การทำงานของงานตามกำหนดเวลา")
        ordering = ["-started"]
        indexes = [models.Index(fields=["job", "outcome", "-started"])]

    def __str__(self) -> str:
        return f"{self.job} {self.started:%Y-%m-%d %H:%M}"


class ExpiredItem(models.Model):
    """A page or document whose publication period ended; its URL answers 410 while active (R30)."""

    class Kind(models.TextChoices):
        PAGE = "page", _("หน้าเว็บ")
        DOCUMENT = "document", _("เอกสาร")

    kind = models.CharField(_("ประเภท"), max_length=10, choices=Kind)
    object_id = models.PositiveIntegerField(_("รหัสรายการ"))
    path = models.CharField(_("ที่อยู่ URL"), max_length=1000, db_index=True)
    title = models.CharField(_("ชื่อเรื่อง"), max_length=500)
    expired_at = models.DateTimeField(_("หมดระยะเผยแพร่เมื่อ"), default=timezone.now)
    active = models.BooleanField(
        _("ยังอยู่ในสถานะหมดระยะ"),
        default=True,
        help_text=_("เมื่อรายการถูกเผยแพร่อีกครั้ง สถานะนี้จะถูกยกเลิก"),
    )

    class Meta:
        verbose_name = _("รายการที่หมดระยะเผยแพร่")
        verbose_name_plural = _("รายการที่หมดระยะเผยแพร่")
        ordering = ["-expired_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="monitoring_one_expiry_per_item"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ExpiryNotice(models.Model):
    """That the owner was told an item is about to expire, so the notice goes out once per date."""

    kind = models.CharField(max_length=10, choices=ExpiredItem.Kind)
    object_id = models.PositiveIntegerField()
    expires_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("การแจ้งเตือนก่อนหมดระยะเผยแพร่")
        verbose_name_plural = _("การแจ้งเตือนก่อนหมดระยะเผยแพร่")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "expires_at"], name="monitoring_one_notice_per_expiry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.expires_at:%Y-%m-%d}"


class ReviewSchedule(models.Model):
    """How often an item's owner must confirm it is still correct (R31)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("หน้าเว็บ"),
        on_delete=models.CASCADE,
        related_name="review_schedule",
    )
    interval_days = models.PositiveIntegerField(
        _("รอบการทบทวน (วัน)"),
        null=True,
        blank=True,
        help_text=_("เว้นว่างเพื่อใช้ค่าตั้งต้นตามหมวดหมู่"),
    )
    last_reviewed_at = models.DateTimeField(_("ทบทวนล่าสุดเมื่อ"), default=timezone.now)
    due_at = models.DateTimeField(_("ครบกำหนดทบทวน"), db_index=True)
    reminders_sent = models.PositiveIntegerField(_("จำนวนครั้งที่เตือน"), default=0)
    last_reminded_at = models.DateTimeField(_("เตือนล่าสุดเมื่อ"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("แจ้งหัวหน้าหน่วยงานเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("กำหนดการทบทวนเนื้อหา")
        verbose_name_plural = _("กำหนดการทบทวนเนื้อหา")
        ordering = ["due_at"]

    def __str__(self) -> str:
        return str(self.page)

    def clean(self) -> None:
        if self.interval_days is not None and self.interval_days < 1:
            raise ValidationError({"interval_days": _("รอบการทบทวนต้องมากกว่า 0 วัน")})

    def effective_interval_days(self) -> int:
        from .conf import review_interval_days

        if self.interval_days:
            return self.interval_days
        category_code = getattr(self.page.specific_class, "category_code", "") or ""
        return review_interval_days(category_code)

    def compute_due_at(self) -> dt.datetime:
        return self.last_reviewed_at + dt.timedelta(days=self.effective_interval_days())

    def is_due(self, now=None) -> bool:
        return self.due_at <= (now or timezone.now())


class ReviewAction(models.Model):
    """What the owner did with a due review: confirmed (with a note) or asked for a revision."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("ยืนยันว่ายังถูกต้อง")
        REVISE = "revise", _("ขอแก้ไขปรับปรุง")

    schedule = models.ForeignKey(ReviewSchedule, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("การดำเนินการ"), max_length=10, choices=Kind)
    note = models.TextField(_("บันทึก"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ผลการทบทวนเนื้อหา")
        verbose_name_plural = _("ผลการทบทวนเนื้อหา")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d}"


class LinkCheckResult(models.Model):
    """The last check of one link found on one page (R32)."""

    class Kind(models.TextChoices):
        INTERNAL = "internal", _("ลิงก์ภายใน")
        DOCUMENT = "document", _("ลิงก์เอกสาร")
        EXTERNAL = "external", _("ลิงก์ภายนอก")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("หน้าเว็บ")
    )
    kind = models.CharField(_("ประเภทลิงก์"), max_length=10, choices=Kind)
    target = models.CharField(_("ปลายทาง"), max_length=2000)
    ok = models.BooleanField(_("ใช้งานได้"))
    # Not fetched: the address is inside our network (ADR 0250). Neither working nor broken.
    refused = models.BooleanField(_("ไม่ตรวจเพราะเป็นที่อยู่ภายใน"), default=False)
    status = models.CharField(_("ผลตรวจ"), max_length=255, blank=True)
    checked_at = models.DateTimeField(_("ตรวจเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("ผลตรวจลิงก์")
        verbose_name_plural = _("ผลตรวจลิงก์")
        ordering = ["page_id", "target"]

    def __str__(self) -> str:
        return self.target


class DailyCheckRun(models.Model):
    """One run of the daily check; the page shows the latest run of the day (R32)."""

    day = models.DateField(_("วันที่"), db_index=True)
    started = models.DateTimeField(default=timezone.now)
    finished = models.DateTimeField(null=True, blank=True)
    sections = models.JSONField(default=list, blank=True)
    problem_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ผลการตรวจประจำวัน")
        verbose_name_plural = _("ผลการตรวจประจำวัน")
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"{self.day} ({self.problem_count})"


class DailyCheckSignOff(models.Model):
    """The webmaster on duty's signature under the day's check (R32)."""

    day = models.DateField(_("วันที่"), unique=True)
    run = models.ForeignKey(DailyCheckRun, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ผู้ลงนาม"),
    )
    note = models.TextField(_("บันทึกข้อผิดพลาดที่พบและการแก้ไข"), blank=True)
    problems_found = models.PositiveIntegerField(_("จำนวนปัญหาที่พบ"), default=0)
    signed_at = models.DateTimeField(_("ลงนามเมื่อ"), default=timezone.now)

    class Meta:
        verbose_name = _("การลงนามตรวจประจำวัน")
        verbose_name_plural = _("การลงนามตรวจประจำวัน")
        ordering = ["-day"]

    def __str__(self) -> str:
        return f"{self.day} {self.user}"


class ReviewNotice(models.Model):
    """One reminder or escalation of a due review: sent (to whom, when) or why not (R31).

    Written after the e-mail was handed to the mail server, so the report never says a head was
    told when no e-mail went out.
    """

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("เตือนเจ้าของข้อมูล")
        ESCALATION = "escalation", _("แจ้งหัวหน้าหน่วยงาน")

    schedule = models.ForeignKey(ReviewSchedule, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("ประเภท"), max_length=12, choices=Kind)
    at = models.DateTimeField(_("เมื่อ"), default=timezone.now)
    sent = models.BooleanField(_("ส่งแล้ว"))
    recipients = models.TextField(_("ผู้รับ"), blank=True)
    reason = models.CharField(_("เหตุที่ไม่ได้ส่ง"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("การแจ้งเตือนการทบทวน")
        verbose_name_plural = _("การแจ้งเตือนการทบทวน")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d}"

    def describe(self) -> str:
        from prongsai.core.thaidate import thai_datetime

        if self.sent:
            return _("ส่งถึง %(to)s เมื่อ %(when)s") % {
                "to": self.recipients,
                "when": thai_datetime(self.at),
            }
        return _("ไม่ได้ส่ง: %(reason)s (%(when)s)") % {
            "reason": self.reason,
            "when": thai_datetime(self.at),
        }
