"""Database records of this app: retention holds and the log of who looked at traffic data.

The traffic records themselves are not in the database (files; ADR 0040).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prongsai.core.thaidate import thai_date, thai_datetime

# Computer-Related Crime Act s.26 (as amended B.E. 2560): an official may order data kept past
# 90 days "but not more than two years", counted from when the data entered the system.
SECTION_26_MAX_YEARS = 2


class Hold(models.Model):
    """An official order to keep traffic data of a time range longer than the retention period."""

    class LegalBasis(models.TextChoices):
        SECTION_26 = "s26", _("คำสั่งพนักงานเจ้าหน้าที่ตามมาตรา 26 (ไม่เกินสองปี)")
        COURT = "court", _("คำสั่งศาล")
        OTHER_LAW = "other", _("กฎหมายอื่น")

    reason = models.TextField(_("เหตุผล/คำสั่ง"))
    order_reference = models.CharField(_("เลขที่หนังสือคำสั่ง"), max_length=200, blank=True)
    range_start = models.DateTimeField(_("ข้อมูลตั้งแต่"))
    range_end = models.DateTimeField(_("ข้อมูลถึง"))
    keep_until = models.DateField(_("เก็บไว้จนถึงวันที่"))
    legal_basis = models.CharField(
        _("อำนาจตามกฎหมาย"),
        max_length=10,
        choices=LegalBasis.choices,
        default=LegalBasis.SECTION_26,
    )
    legal_basis_detail = models.CharField(
        _("คำสั่งหรือบทกฎหมาย (เช่น เลขที่คำสั่งศาล)"), max_length=300, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Ending a hold (the order was lifted) keeps the row: what was ordered stays on record.
    ended_at = models.DateTimeField(_("ยกเลิกเมื่อ"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    end_note = models.TextField(_("เหตุผลที่ยกเลิก"), blank=True)

    class Meta:
        verbose_name = _("คำสั่งให้เก็บข้อมูลจราจรนานกว่ากำหนด")
        verbose_name_plural = _("คำสั่งให้เก็บข้อมูลจราจรนานกว่ากำหนด")
        ordering = ["-created_at"]

    def __str__(self):
        # Buddhist-era dates: this label is shown to staff and kept in Wagtail's log.
        start = thai_date(self.range_start, short=True)
        end = thai_date(self.range_end, short=True)
        return f"{self.order_reference or self.reason[:40]} ({start}–{end})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.range_start and self.range_end and self.range_start > self.range_end:
            raise ValidationError({"range_end": _("เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่มต้น")})
        if self.legal_basis != self.LegalBasis.SECTION_26 and not self.legal_basis_detail.strip():
            raise ValidationError(
                {"legal_basis_detail": _("กรุณาระบุคำสั่งหรือบทกฎหมายที่ให้เก็บข้อมูลไว้นานกว่านี้")}
            )
        limit = self.section_26_limit
        keep = self.keep_until
        if self.legal_basis == self.LegalBasis.SECTION_26 and limit and keep and keep > limit:
            raise ValidationError(
                {
                    "keep_until": _(
                        "คำสั่งพนักงานเจ้าหน้าที่ตามมาตรา 26 ให้เก็บได้ไม่เกินสองปีนับแต่วันที่ข้อมูล"
                        "เข้าสู่ระบบ (ข้อมูลนี้เก็บได้ถึง %(limit)s) หากมีคำสั่งศาลหรือกฎหมายอื่น"
                        " ให้เลือกอำนาจตามกฎหมายนั้นและระบุเลขที่คำสั่ง"
                    )
                    % {"limit": thai_date(limit)}
                }
            )

    @property
    def section_26_limit(self):
        """The last day s.26 allows for the oldest data of the range (29 Feb → 28 Feb)."""
        if not self.range_start:
            return None
        start = timezone.localtime(self.range_start).date()
        try:
            return start.replace(year=start.year + SECTION_26_MAX_YEARS)
        except ValueError:
            return start.replace(year=start.year + SECTION_26_MAX_YEARS, day=28)

    @property
    def is_active(self) -> bool:
        return self.ended_at is None and self.keep_until >= timezone.localdate()


class TrafficAccess(models.Model):
    """Every look at traffic data, allowed or refused (R40 access control, R43)."""

    class Action(models.TextChoices):
        SEARCH = "search", _("ค้นหา")
        EXPORT = "export", _("ส่งออก")
        HOLDS = "holds", _("คำสั่งเก็บข้อมูล")
        VERIFY = "verify", _("ตรวจความครบถ้วน")
        ACCESSES = "accesses", _("ดูบันทึกการเข้าถึง")

    class Outcome(models.TextChoices):
        ALLOWED = "allowed", _("อนุญาต")
        DENIED = "denied", _("ปฏิเสธ")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    query = models.JSONField(default=dict)
    reason = models.TextField(blank=True)
    result_count = models.PositiveIntegerField(null=True)
    client_ip = models.CharField(max_length=45, blank=True)
    request_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("การเข้าถึงข้อมูลจราจร")
        verbose_name_plural = _("การเข้าถึงข้อมูลจราจร")
        ordering = ["-at"]

    def __str__(self):
        # Shown to staff (Wagtail's site history): Bangkok time, Buddhist era, Thai labels.
        return (
            f"{thai_datetime(self.at, short=True)} {self.username} "
            f"{self.get_action_display()} ({self.get_outcome_display()})"
        )
