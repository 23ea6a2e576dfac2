"""The agency's policy: everything in which the agencies' guidelines differ, as data of its site.

Services read it only through ``selectors.policy_for`` (docs/adr/0180-agency-policy-per-site.md).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from . import defaults
from .forms import AgencyPolicyForm


def _positive(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@register_setting(icon="clipboard-list")
class AgencyPolicy(BaseSiteSetting):
    publish_deadline_working_days = models.PositiveSmallIntegerField(
        _("เผยแพร่ภายใน (วันทำการหลังอนุมัติ)"),
        default=defaults.publish_deadline_working_days,
        validators=[MinValueValidator(1)],
    )
    verbal_confirm_working_days = models.PositiveSmallIntegerField(
        _("ยืนยันการอนุมัติด้วยวาจาภายใน (วันทำการ)"),
        default=defaults.verbal_confirm_working_days,
        validators=[MinValueValidator(1)],
    )
    min_webmasters = models.PositiveSmallIntegerField(
        _("จำนวนผู้ดูแลเว็บไซต์ขั้นต่ำ"),
        default=defaults.min_webmasters,
        validators=[MinValueValidator(1)],
    )
    review_interval_days = models.JSONField(
        _("รอบการทบทวนเนื้อหาตามหมวด (วัน)"),
        default=defaults.review_interval_days,
        help_text=_('เช่น {"default": 365, "news": 90} ใช้ "default" กับหมวดที่ไม่ได้ระบุ'),
    )
    review_reminder_every_days = models.PositiveSmallIntegerField(
        _("เตือนเจ้าของข้อมูลซ้ำทุก (วัน)"),
        default=defaults.review_reminder_every_days,
        validators=[MinValueValidator(1)],
    )
    review_escalate_after_days = models.PositiveSmallIntegerField(
        _("แจ้งหัวหน้าหน่วยงานเมื่อเลยกำหนดทบทวน (วัน)"),
        default=defaults.review_escalate_after_days,
        validators=[MinValueValidator(1)],
    )
    expiry_notice_days = models.PositiveSmallIntegerField(
        _("แจ้งล่วงหน้าก่อนครบกำหนดเผยแพร่ (วัน)"),
        default=defaults.expiry_notice_days,
        validators=[MinValueValidator(1)],
    )
    info_request_response_days = models.PositiveSmallIntegerField(
        _("ตอบคำขอข้อมูลข่าวสาร (มาตรา 11) ภายใน (วัน)"),
        default=defaults.info_request_response_days,
        validators=[
            MinValueValidator(1, message=_("กำหนดตอบคำขอต้องอย่างน้อย 1 วัน")),
            MaxValueValidator(
                defaults.INFO_REQUEST_MAX_RESPONSE_DAYS,
                message=_("กำหนดตอบคำขอต้องไม่เกิน 15 วัน ตามแนวทางของคณะกรรมการข้อมูลข่าวสารของราชการ"),
            ),
        ],
        help_text=_(
            "นับเป็นวันตามปฏิทินนับจากวันที่ได้รับคำขอ ไม่เกิน 15 วันตามแนวทางของคณะกรรมการข้อมูลข่าวสารของราชการ"
        ),
    )
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ผู้บังคับบัญชาที่รับรายงานผลการตรวจประจำวัน"),
        blank=True,
        related_name="+",
        help_text=_("ผู้มีบทบาทผู้บริหารได้รับรายงานด้วยเสมอ"),
    )
    categories = models.JSONField(
        _("หมวดข้อมูลที่ใช้ ตามลำดับ และชื่อที่หน่วยงานใช้"),
        default=list,
        blank=True,
        help_text=_('เช่น [{"code": "news", "label": "ข่าวประชาสัมพันธ์"}] เว้นว่างเพื่อใช้ทุกหมวด'),
    )
    revision_class_code = models.CharField(
        _("ประเภทข้อมูลที่ใช้ขออนุมัติเมื่อแก้ไขหน้าที่เผยแพร่แล้ว (รหัส)"),
        max_length=50,
        blank=True,
        default=defaults.revision_class_code,
        help_text=_("เว้นว่างเพื่อใช้ประเภทข้อมูลแรกที่มีขั้นตอนอนุมัติ"),
    )
    accepted_file_kinds = models.JSONField(
        _("ชนิดไฟล์ที่รับแนบกับคำขอเผยแพร่"),
        default=list,
        blank=True,
        help_text=_('นามสกุลไฟล์ เช่น ["pdf", "doc", "docx"] เว้นว่างเพื่อรับทุกชนิดที่ระบบรองรับ'),
    )

    profile_name = models.CharField(_("โปรไฟล์ที่ใช้ตั้งต้น"), max_length=50, blank=True, editable=False)
    guideline = models.CharField(
        _("แนวปฏิบัติของหน่วยงานที่เป็นที่มา"), max_length=255, blank=True, editable=False
    )

    base_form_class = AgencyPolicyForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("publish_deadline_working_days"),
                FieldPanel("verbal_confirm_working_days"),
                FieldPanel("accepted_file_kinds"),
                FieldPanel("revision_class_code"),
            ],
            heading=_("การขอเผยแพร่และการเผยแพร่"),
        ),
        MultiFieldPanel(
            [FieldPanel("info_request_response_days")],
            heading=_("คำขอข้อมูลข่าวสารของราชการ"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_interval_days"),
                FieldPanel("review_reminder_every_days"),
                FieldPanel("review_escalate_after_days"),
                FieldPanel("expiry_notice_days"),
            ],
            heading=_("การทบทวนและความทันสมัยของข้อมูล"),
        ),
        MultiFieldPanel(
            [FieldPanel("min_webmasters"), FieldPanel("supervisors")],
            heading=_("ผู้ดูแลเว็บไซต์และผู้บังคับบัญชา"),
        ),
        MultiFieldPanel([FieldPanel("categories")], heading=_("หมวดข้อมูล")),
    ]

    class Meta:
        verbose_name = _("นโยบายเว็บไซต์ของหน่วยงาน")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self) -> None:
        super().clean()
        errors = {}
        table = self.review_interval_days
        if not isinstance(table, dict) or not all(
            isinstance(key, str) and _positive(days) for key, days in table.items()
        ):
            errors["review_interval_days"] = _("รอบการทบทวนแต่ละหมวดต้องเป็นจำนวนวันมากกว่า 0")
        kinds = self.accepted_file_kinds
        if not isinstance(kinds, list) or not all(
            isinstance(kind, str) and kind.isalnum() for kind in kinds
        ):
            errors["accepted_file_kinds"] = _("ระบุนามสกุลไฟล์เป็นรายการ เช่น pdf, docx")
        categories = self.categories
        if not isinstance(categories, list) or not all(
            isinstance(item, dict) and isinstance(item.get("code"), str) for item in categories
        ):
            errors["categories"] = _("ระบุหมวดเป็นรายการที่มีรหัสหมวด (code) ทุกรายการ")
        if errors:
            raise ValidationError(errors)

    def interval_for(self, category_code: str) -> int:
        table = {**defaults.REVIEW_INTERVAL_DAYS, **(self.review_interval_days or {})}
        return int(table.get(category_code) or table["default"])

    def category_codes(self) -> list[str]:
        return [item["code"] for item in self.categories or []]

    def category_label(self, code: str, fallback: str) -> str:
        for item in self.categories or []:
            if item.get("code") == code and item.get("label"):
                return item["label"]
        return fallback

    def accepts_file(self, extension: str) -> bool:
        kinds = [kind.lower() for kind in self.accepted_file_kinds or []]
        return not kinds or extension.lower() in kinds
