"""Versioned catalogues of required items and the webmaster's evidence decisions (R34)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .rules import PeriodRule, normalise_rule


class Scheme(models.TextChoices):
    GWS = "gws", _("มาตรฐานเว็บไซต์ภาครัฐ")
    OIA = "oia", _("พ.ร.บ.ข้อมูลข่าวสารของราชการ มาตรา 7 และมาตรา 9")
    ITA_OIT = "ita-oit", _("ITA/OIT (สำนักงาน ป.ป.ช. ทั่วไป)")
    ITA_OIT_SECTOR = "ita-oit-sector", _("ITA/OIT ฉบับของหน่วยงานต้นสังกัด")


class Catalogue(models.Model):
    """One list of required items: (scheme, year), e.g. ITA OIT 2569 of the NACC general list."""

    slug = models.SlugField(_("รหัสรายการ (slug)"), max_length=80, unique=True)
    scheme = models.CharField(_("ชุดเกณฑ์"), max_length=20, choices=Scheme)
    year = models.PositiveIntegerField(_("ปี พ.ศ. ของรายการ"))
    title = models.CharField(_("ชื่อรายการ"), max_length=255)
    title_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)
    fiscal_year = models.PositiveIntegerField(
        _("ปีงบประมาณที่ประเมิน (พ.ศ.)"),
        null=True,
        blank=True,
        help_text=_("รอบการประเมินที่รายการนี้ใช้ เช่น 2569 เว้นว่างสำหรับเกณฑ์ที่ไม่ผูกกับปีงบประมาณ"),
    )
    source = models.TextField(_("ที่มาของรายการ"), blank=True)
    is_active = models.BooleanField(
        _("ใช้ตรวจความครบถ้วน"), default=True, help_text=_("แสดงในแดชบอร์ดและการตรวจประจำวัน")
    )
    updated_at = models.DateTimeField(_("ปรับปรุงล่าสุด"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("scheme")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("fiscal_year")]),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("source"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["scheme", "-year", "slug"]
        verbose_name = _("รายการตรวจความครบถ้วน")
        verbose_name_plural = _("รายการตรวจความครบถ้วน")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.fiscal_year is not None and self.fiscal_year < 2400:
            raise ValidationError({"fiscal_year": _("ระบุปีงบประมาณเป็นปี พ.ศ. เช่น 2570 (ไม่ใช่ ค.ศ.)")})


class CatalogueItem(models.Model):
    """One required item (O1, 7(1) …) and the rule that says which content satisfies it."""

    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("รายการ"), on_delete=models.CASCADE, related_name="items"
    )
    code = models.CharField(_("รหัสข้อ"), max_length=30)
    sort_order = models.PositiveIntegerField(_("ลำดับ"), default=0)
    title_th = models.CharField(_("ชื่อข้อ (ไทย)"), max_length=500)
    title_en = models.CharField(_("ชื่อข้อ (อังกฤษ)"), max_length=500, blank=True)
    group = models.CharField(_("หมวด/ตัวชี้วัด"), max_length=255, blank=True)
    evidence_description = models.TextField(_("หลักฐานที่ต้องแสดง"), blank=True)
    rule = models.JSONField(
        _("เกณฑ์หลักฐานอัตโนมัติ"),
        default=dict,
        blank=True,
        help_text=_(
            'เช่น {"news_kinds": ["general"], "keywords": ["No Gift"]} ดู docs/compliance.md'
        ),
    )
    period = models.CharField(
        _("ช่วงเวลาของหลักฐาน"), max_length=40, choices=PeriodRule, default=PeriodRule.ALWAYS
    )
    min_count = models.PositiveIntegerField(_("จำนวนหลักฐานขั้นต่ำ"), default=1)
    unverified = models.BooleanField(
        _("ยังไม่ได้ยืนยันกับเอกสารทางการ"),
        default=False,
        help_text=_("ข้อที่ยังไม่ได้ตรวจกับคู่มือฉบับทางการ ควรตรวจสอบก่อนใช้"),
    )
    note = models.TextField(_("หมายเหตุ"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("catalogue"), FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("title_th"),
        FieldPanel("title_en"),
        FieldPanel("group"),
        FieldPanel("evidence_description"),
        MultiFieldPanel(
            [
                FieldPanel("rule"),
                FieldRowPanel([FieldPanel("period"), FieldPanel("min_count")]),
            ],
            heading=_("เกณฑ์หลักฐาน"),
        ),
        FieldPanel("unverified"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["catalogue", "sort_order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "code"], name="compliance_item_code_unique"
            )
        ]
        verbose_name = _("ข้อในรายการตรวจ")
        verbose_name_plural = _("ข้อในรายการตรวจ")

    def __str__(self) -> str:
        return f"{self.code} {self.title_th}"

    def clean(self) -> None:
        super().clean()
        rule, errors = normalise_rule(self.rule)
        if errors:
            raise ValidationError({"rule": errors})
        self.rule = rule
        if self.period == PeriodRule.AT_LEAST_N and self.min_count < 1:
            raise ValidationError({"min_count": _("ต้องระบุจำนวนขั้นต่ำอย่างน้อย 1")})
        if not (self.title_th or "").strip():
            raise ValidationError({"title_th": _("กรุณาระบุชื่อข้อภาษาไทย")})


class EvidenceLink(models.Model):
    """A page or document a webmaster names as evidence for an item on one site."""

    item = models.ForeignKey(
        CatalogueItem,
        verbose_name=_("ข้อในรายการตรวจ"),
        on_delete=models.CASCADE,
        related_name="evidence_links",
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("เว็บไซต์"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("หน้าเว็บ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("เอกสาร"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("คำอธิบายสำหรับผู้ประเมิน"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)

    panels = [
        FieldPanel("item"),
        FieldPanel("site"),
        FieldPanel("page"),
        FieldPanel("document"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["item", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(page__isnull=False, document__isnull=True))
                | (models.Q(page__isnull=True, document__isnull=False)),
                name="compliance_link_page_xor_document",
            )
        ]
        verbose_name = _("ลิงก์หลักฐาน")
        verbose_name_plural = _("ลิงก์หลักฐาน")

    def __str__(self) -> str:
        target = self.page or self.document
        return f"{self.item.code}: {target}"

    def clean(self) -> None:
        super().clean()
        if bool(self.page_id) == bool(self.document_id):
            raise ValidationError(_("เลือกหน้าเว็บหรือเอกสารอย่างใดอย่างหนึ่ง"))


class NotApplicable(models.Model):
    """An item that does not apply to this agency, with the reason shown to the assessor."""

    item = models.ForeignKey(
        CatalogueItem,
        verbose_name=_("ข้อในรายการตรวจ"),
        on_delete=models.CASCADE,
        related_name="not_applicable",
    )
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("เว็บไซต์"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("เหตุผลที่ไม่เกี่ยวข้อง"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now=True)

    panels = [FieldPanel("item"), FieldPanel("site"), FieldPanel("reason")]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "site"], name="compliance_na_unique")
        ]
        verbose_name = _("ข้อที่ไม่เกี่ยวข้องกับหน่วยงาน")
        verbose_name_plural = _("ข้อที่ไม่เกี่ยวข้องกับหน่วยงาน")

    def __str__(self) -> str:
        return f"{self.item.code}: {self.reason[:60]}"

    def clean(self) -> None:
        super().clean()
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน")})


class KnownGap(models.Model):
    """The gaps the daily check has already reported, so it lists only new ones."""

    item = models.ForeignKey(CatalogueItem, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20)
    first_seen = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "site"], name="compliance_gap_unique")
        ]

    def __str__(self) -> str:
        return f"{self.item_id}@{self.site_id}: {self.status}"
