"""The staff roles every app agrees on (R20). Each role is a Wagtail group of this name.

The publishing-workflow work gives each group exactly the permissions it needs
(`python manage.py sync_roles`); other apps only ask "does this user hold role X?".
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    DATA_OWNER = "เจ้าของข้อมูล", _("เจ้าของข้อมูล (ผู้ขอเผยแพร่)")
    APPROVER = "ผู้อนุมัติ", _("ผู้อนุมัติ")
    PUBLISHER = "ผู้เผยแพร่", _("ผู้เผยแพร่")
    WEBMASTER = "ผู้ดูแลเว็บไซต์", _("ผู้ดูแลเว็บไซต์")
    ADMINISTRATOR = "ผู้ดูแลระบบ", _("ผู้ดูแลระบบ")
    TRAFFIC_COORDINATOR = "ผู้ประสานข้อมูลจราจร", _("ผู้ประสานงานข้อมูลจราจรทางคอมพิวเตอร์")
    MODERATOR = "ผู้ตอบกระดานถามตอบ", _("ผู้ดูแลกระดานถาม-ตอบ")
    EXECUTIVE = "ผู้บริหาร", _("ผู้บริหาร")


def user_has_role(user, role: Role) -> bool:
    """Superusers hold every role except the traffic coordinator, which must be given by name."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser and role != Role.TRAFFIC_COORDINATOR:
        return True
    return user.groups.filter(name=role.value).exists()


def users_with_role(role: Role):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__name=role.value).distinct()
