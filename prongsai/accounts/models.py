"""Staff accounts and the agency's organisation tree.

The publishing-workflow work builds roles, heads and assigned publishers on these models.
"""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    AGENCY = "agency", _("หน่วยงาน")
    BUREAU = "bureau", _("สำนัก/กอง")
    CENTRE = "centre", _("ศูนย์")
    GROUP = "group", _("กลุ่ม/กลุ่มงาน")
    SECTION = "section", _("ฝ่าย/งาน")


class Unit(models.Model):
    """A unit of the agency (กอง/ศูนย์/กลุ่ม/ฝ่าย); owner of published information (R12, R20)."""

    name = models.CharField(_("ชื่อหน่วยงาน"), max_length=255)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)
    code = models.SlugField(_("รหัสหน่วยงาน"), max_length=50, unique=True, allow_unicode=True)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=UnitKind, default=UnitKind.GROUP)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("สังกัด"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = _("หน่วยงานภายใน")
        verbose_name_plural = _("หน่วยงานภายใน")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError(
                    {"parent": _("หน่วยงานไม่สามารถสังกัดตัวเองหรือหน่วยงานลูกของตัวเองได้")}
                )
            ancestor = ancestor.parent

    def ancestors(self) -> list["Unit"]:
        chain, unit = [], self.parent
        while unit is not None:
            chain.append(unit)
            unit = unit.parent
        return list(reversed(chain))


class User(AbstractUser):
    """A staff account. There is no public sign-up: administrators create accounts."""

    position = models.CharField(_("ตำแหน่ง"), max_length=255, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("สังกัดหน่วยงาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
    )
    phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("ผู้ใช้งาน")
        verbose_name_plural = _("ผู้ใช้งาน")

    def display_name(self) -> str:
        return self.get_full_name() or self.username
