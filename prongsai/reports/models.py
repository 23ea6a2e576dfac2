"""Periodic reports to the supervisor and the executives (R35, R37) and each site's cadence.

Only the functions in ``services.py`` change a report's state; the figures of an approved
report are frozen in ``snapshot`` so the report and its PDF never change afterwards.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .periods import Cadence, Period, Round


@register_setting(icon="doc-full")
class ReportingSettings(BaseSiteSetting):
    """The agency's reporting policy: how often, due when, to whom, published where."""

    cadence = models.CharField(
        _("รอบการรายงาน"), max_length=20, choices=Cadence, default=Cadence.HALF_YEARLY
    )
    due_days = models.PositiveSmallIntegerField(_("ส่งรายงานภายใน (วันหลังสิ้นรอบ)"), default=30)
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บังคับบัญชาที่พิจารณารายงาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("เว้นว่างเพื่อให้ผู้มีบทบาทผู้บริหารเป็นผู้พิจารณา"),
    )
    owner_unit = models.ForeignKey(
        "accounts.Unit",
        verbose_name=_("หน่วยงานเจ้าของรายงาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("แสดงเป็นเจ้าของข้อมูลเมื่อเผยแพร่รายงานบนเว็บไซต์"),
    )
    publish_parent = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าหลักที่ใช้เผยแพร่รายงาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("เช่น หน้าศูนย์ข้อมูลข่าวสาร หรือคลังความรู้ รายงานจะเป็นหน้าย่อยของหน้านี้"),
    )
    evidence_item = models.ForeignKey(
        "compliance.CatalogueItem",
        verbose_name=_("ข้อ ITA/OIT ที่ใช้รายงานนี้เป็นหลักฐาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("เช่น ข้อรายงานการกำกับติดตามรอบ 6 เดือน"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("cadence"), FieldPanel("due_days"), FieldPanel("supervisor")],
            heading=_("รอบและผู้พิจารณา"),
        ),
        MultiFieldPanel(
            [FieldPanel("owner_unit"), FieldPanel("publish_parent"), FieldPanel("evidence_item")],
            heading=_("การเผยแพร่บนเว็บไซต์"),
        ),
    ]

    class Meta:
        verbose_name = _("การรายงานผลการดำเนินงาน")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    SUBMITTED = "submitted", _("เสนอผู้บังคับบัญชาแล้ว")
    RETURNED = "returned", _("ส่งกลับให้แก้ไข")
    APPROVED = "approved", _("อนุมัติแล้ว")


WRITTEN_FIELDS = ("results", "problems", "obstacles", "suggestions")


class Report(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("เว็บไซต์"), on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveIntegerField(_("ปีงบประมาณ (ค.ศ.)"))
    round = models.CharField(_("รอบ"), max_length=5, choices=Round)
    period_start = models.DateField(_("ตั้งแต่วันที่"))
    period_end = models.DateField(_("ถึงวันที่"))
    due_date = models.DateField(_("กำหนดส่ง"))
    status = models.CharField(
        _("สถานะ"), max_length=12, choices=ReportStatus, default=ReportStatus.DRAFT, db_index=True
    )
    results = models.TextField(_("ผลการดำเนินงาน"), blank=True)
    problems = models.TextField(_("ปัญหา"), blank=True)
    obstacles = models.TextField(_("อุปสรรค"), blank=True)
    suggestions = models.TextField(_("ข้อเสนอแนะ"), blank=True)
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้เสนอรายงาน"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("เสนอเมื่อ"), null=True, blank=True)
    return_reason = models.TextField(_("เหตุผลที่ส่งกลับครั้งล่าสุด"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้อนุมัติ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("อนุมัติเมื่อ"), null=True, blank=True)
    snapshot = models.JSONField(_("ตัวเลขที่อนุมัติ"), null=True, blank=True, editable=False)
    published_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าที่เผยแพร่"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivered_at = models.DateTimeField(_("ส่งถึงผู้บริหารเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("รายงานผลการดำเนินงาน")
        verbose_name_plural = _("รายงานผลการดำเนินงาน")
        ordering = ["-period_end", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "period_start", "period_end"], name="reports_one_per_period"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def period(self) -> Period:
        return Period(self.fiscal_year, self.round)

    @property
    def label(self) -> str:
        return self.period.label

    @property
    def is_frozen(self) -> bool:
        return self.status == ReportStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)

    def written(self) -> list[tuple[str, str]]:
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in WRITTEN_FIELDS
        ]
