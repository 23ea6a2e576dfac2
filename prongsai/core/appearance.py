"""The agency's own look: emblem, colours, the home-page banner, hotlines and the map (issue 19).

Kept apart from AgencySettings (who the agency is) because it is how the site looks. The
colours are refused unless the text drawn on or with them keeps WCAG 2.1 AA contrast (4.5:1):
the primary colour is the header's background under white text and the colour of headings on
white; the accent colour is the search button's background under white text and coloured text
on white. Rendered as CSS custom properties in one ``<style>`` in the page head (the style
policy allows it; no inline ``style`` attribute anywhere).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from prongsai.core.colours import contrast_ratio, darker

DEFAULT_PRIMARY = "#123b6d"
DEFAULT_ACCENT = "#a4512d"
WHITE = "#ffffff"
AA_NORMAL_TEXT = 4.5
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
hex_colour = RegexValidator(_HEX, _("ระบุสีเป็นรหัสเลขฐานสิบหก 6 หลัก เช่น #123b6d"))


@dataclass(frozen=True)
class Hotline:
    label: str
    number: str


def parse_hotlines(text: str) -> list[Hotline]:
    """One hotline a line, "ชื่อ: หมายเลข" ("ศูนย์ดำรงธรรม: 1567")."""
    lines = []
    for line in (text or "").splitlines():
        label, colon, number = line.partition(":")
        if colon and label.strip() and number.strip():
            lines.append(Hotline(label.strip(), number.strip()))
    return lines


@register_setting(icon="image")
class SiteAppearance(BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ตราสัญลักษณ์หรือโลโก้"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("แสดงหน้าชื่อหน่วยงานที่ส่วนหัวของทุกหน้า ใช้ภาพพื้นโปร่งใสจะดูดีที่สุด"),
    )
    primary_colour = models.CharField(
        _("สีหลัก"),
        max_length=7,
        default=DEFAULT_PRIMARY,
        validators=[hex_colour],
        help_text=_("พื้นส่วนหัวที่มีตัวอักษรสีขาว และสีหัวเรื่อง ต้องตัดกับสีขาวอย่างน้อย 4.5:1"),
    )
    accent_colour = models.CharField(
        _("สีเน้น"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[hex_colour],
        help_text=_("พื้นปุ่มค้นหาที่มีตัวอักษรสีขาว ต้องตัดกับสีขาวอย่างน้อย 4.5:1"),
    )
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ภาพแบนเนอร์หน้าแรก"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    banner_alt = models.CharField(
        _("คำบรรยายภาพแบนเนอร์ (ข้อความแทนภาพ)"),
        max_length=255,
        blank=True,
        help_text=_("บอกว่าภาพแสดงอะไร สำหรับผู้ที่มองไม่เห็นภาพ"),
    )
    hotlines = models.TextField(
        _("สายด่วน"),
        blank=True,
        help_text=_("บรรทัดละหนึ่งหมายเลข ในรูปแบบ ชื่อ: หมายเลข เช่น ศูนย์ดำรงธรรม: 1567"),
    )
    map_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ภาพแผนที่ที่ตั้ง"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("ภาพแผนที่ที่หน่วยงานจัดทำเอง แสดงในหน้าติดต่อเรา ไม่โหลดสคริปต์จากภายนอก"),
    )
    latitude = models.DecimalField(
        _("ละติจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("ลองจิจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    panels = [
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
        MultiFieldPanel(
            [FieldPanel("banner_image"), FieldPanel("banner_alt")], heading=_("แบนเนอร์หน้าแรก")
        ),
        FieldPanel("hotlines"),
        MultiFieldPanel(
            [
                FieldPanel("map_image"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("แผนที่"),
        ),
    ]

    class Meta:
        verbose_name = _("รูปลักษณ์เว็บไซต์")

    def clean(self) -> None:
        super().clean()
        errors = {}
        for field, used_as in (
            ("primary_colour", _("พื้นหลังของตัวอักษรสีขาวในส่วนหัว")),
            ("accent_colour", _("พื้นหลังของตัวอักษรสีขาวบนปุ่ม")),
        ):
            colour = getattr(self, field) or ""
            if not _HEX.match(colour):
                continue  # the field's own validator says why
            ratio = contrast_ratio(colour, WHITE)
            if ratio < AA_NORMAL_TEXT:
                errors[field] = _(
                    "สีนี้ตัดกับตัวอักษรสีขาวเพียง %(ratio)s:1 ซึ่งต่ำกว่าเกณฑ์ WCAG 2.1 ระดับ AA "
                    "(อย่างน้อย 4.5:1) เมื่อใช้เป็น%(used_as)s กรุณาเลือกสีที่เข้มขึ้น"
                ) % {"ratio": f"{int(ratio * 100) / 100:.2f}", "used_as": used_as}
        if self.banner_image_id and not (self.banner_alt or "").strip():
            errors["banner_alt"] = _("กรุณาบรรยายภาพแบนเนอร์สำหรับผู้ที่มองไม่เห็นภาพ")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "กรุณาระบุทั้งละติจูดและลองจิจูด"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def primary_dark(self) -> str:
        return darker(self.primary_colour or DEFAULT_PRIMARY)

    @property
    def custom_colours(self) -> bool:
        return (self.primary_colour, self.accent_colour) != (DEFAULT_PRIMARY, DEFAULT_ACCENT)

    @property
    def hotline_list(self) -> list[Hotline]:
        return parse_hotlines(self.hotlines)

    @property
    def openstreetmap_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )
