"""Staff accounts and the agency's organisation tree (R20).

A unit has a head and assigned publishers; staff contact details (name, position, e-mail,
telephone) live on the user so every screen and form shows the same values.
"""

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin


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
    head = models.ForeignKey(
        "accounts.User",
        verbose_name=_("หัวหน้าหน่วยงาน"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_units",
    )
    publishers = models.ManyToManyField(
        "accounts.User",
        verbose_name=_("ผู้เผยแพร่ประจำหน่วยงาน"),
        blank=True,
        related_name="publishing_units",
        help_text=_("เจ้าหน้าที่ที่นำข้อมูลของหน่วยงานนี้ขึ้นเว็บไซต์"),
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

    def tree_label(self) -> str:
        """The name indented by its depth in the tree, for the admin listing."""
        depth = getattr(self, "tree_depth", None)
        if depth is None:
            depth = len(self.ancestors())
        return f"{'— ' * depth}{self.name}"

    def head_label(self) -> str:
        return self.head.display_name() if self.head_id else "—"

    def publishers_label(self) -> str:
        return ", ".join(user.display_name() for user in self.publishers.all()) or "—"

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
    must_change_password = models.BooleanField(
        _("ต้องเปลี่ยนรหัสผ่านเมื่อเข้าสู่ระบบครั้งถัดไป"),
        default=False,
        help_text=_("ตั้งให้อัตโนมัติเมื่อผู้ดูแลระบบสร้างบัญชีหรือกำหนดรหัสผ่านให้"),
    )

    class Meta:
        verbose_name = _("ผู้ใช้งาน")
        verbose_name_plural = _("ผู้ใช้งาน")

    def display_name(self) -> str:
        return self.get_full_name() or self.username


class CoordinatorChangeStatus(models.TextChoices):
    PENDING = "pending", _("รอการยืนยัน")
    CONFIRMED = "confirmed", _("ยืนยันแล้ว")
    CANCELLED = "cancelled", _("ยกเลิก")


class CoordinatorRoleChange(models.Model):
    """A proposal to give or take away the traffic coordinator role (R40, ADR 0071).

    Proposed by an administrator, confirmed by another person (the executive or a second
    administrator); the role changes only at confirmation. Kept forever as the record."""

    account = models.ForeignKey(
        User,
        verbose_name=_("ผู้ใช้งาน"),
        on_delete=models.PROTECT,
        related_name="coordinator_changes",
    )
    grant = models.BooleanField(_("แต่งตั้ง (ไม่ใช่ถอดถอน)"))
    reason = models.TextField(_("เหตุผล / คำสั่งแต่งตั้ง"))
    proposed_by = models.ForeignKey(
        User, verbose_name=_("ผู้เสนอ"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("เสนอเมื่อ"), auto_now_add=True)
    status = models.CharField(
        _("สถานะ"),
        max_length=20,
        choices=CoordinatorChangeStatus,
        default=CoordinatorChangeStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("ผู้ยืนยัน/ยกเลิก"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("ยืนยัน/ยกเลิกเมื่อ"), null=True, blank=True)

    class Meta:
        verbose_name = _("การแต่งตั้ง/ถอดถอนผู้ประสานงานข้อมูลจราจร")
        verbose_name_plural = _("การแต่งตั้ง/ถอดถอนผู้ประสานงานข้อมูลจราจร")
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        action = _("แต่งตั้ง") if self.grant else _("ถอดถอน")
        return f"{action} {self.account.display_name()}"


class BackupCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """Backup (recovery) codes as a django-otp device, each code kept only as a salted
    password hash (ASVS 6.5.2, ADR 0255).

    django-otp's own StaticToken keeps the codes in clear: anyone reading the database or a
    backup could sign in as a second factor. The codes are shown once when generated; a code
    is checked against each unused hash and deleted when it matches, so it works once."""

    class Meta:
        verbose_name = _("รหัสสำรอง")
        verbose_name_plural = _("รหัสสำรอง")

    def get_throttle_factor(self):
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token):
        token = normalise_backup_code(token)
        # A six-digit code is meant for the authenticator app: not a guess at a backup code,
        # and not worth ten slow hash checks on every sign-in.
        if not looks_like_backup_code(token):
            return False
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        for code in self.codes.all():
            if check_password(token, code.hashed):
                # Deleting by primary key and counting makes the code single-use even when
                # two sign-ins race with it.
                used, _rows = BackupCode.objects.filter(pk=code.pk).delete()
                if used:
                    self.throttle_reset(commit=False)
                    self.set_last_used_timestamp(commit=False)
                    self.save()
                    return True
        self.throttle_increment()
        return False


def normalise_backup_code(token) -> str:
    return "".join(str(token or "").split()).lower()


def looks_like_backup_code(token: str) -> bool:
    return len(token) == BACKUP_CODE_LENGTH and not token.isdigit()


BACKUP_CODE_LENGTH = 8


class BackupCode(models.Model):
    """One unused backup code: its salted hash only (Django's password hasher — Argon2 in
    production — with its own random salt per code)."""

    device = models.ForeignKey(BackupCodeDevice, on_delete=models.CASCADE, related_name="codes")
    hashed = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("รหัสสำรอง (ค่าแฮช)")
        verbose_name_plural = _("รหัสสำรอง (ค่าแฮช)")

    def __str__(self) -> str:
        return str(_("รหัสสำรอง (ค่าแฮช)"))  # never the hash itself


class StaffSession(models.Model):
    """One signed-in session of a member of staff, as the person and an administrator see it
    (ASVS 7.1.2, 7.4.5, 7.5.2; ADR 0258). The session itself stays Django's; this row names it
    (device, address, times) so it can be listed and ended. accounts/staff_sessions.py."""

    user = models.ForeignKey(
        User, verbose_name=_("ผู้ใช้งาน"), on_delete=models.CASCADE, related_name="staff_sessions"
    )
    session_key = models.CharField(max_length=40, db_index=True)
    user_agent = models.CharField(_("อุปกรณ์/เบราว์เซอร์"), max_length=255, blank=True)
    address = models.GenericIPAddressField(_("ที่อยู่ไอพี"), null=True, blank=True)
    signed_in_at = models.DateTimeField(_("เข้าสู่ระบบเมื่อ"))
    last_activity_at = models.DateTimeField(_("ใช้งานล่าสุดเมื่อ"))

    class Meta:
        verbose_name = _("การเข้าสู่ระบบ")
        verbose_name_plural = _("การเข้าสู่ระบบ")
        ordering = ["-last_activity_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} {self.signed_in_at:%Y-%m-%d %H:%M}"
