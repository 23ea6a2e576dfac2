"""Who handles information requests: the webmasters and the Q&A moderators (the people who
already answer the public), and administrators."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from prongsai.accounts.roles import Role, user_has_role


def can_handle_info_requests(user) -> bool:
    return user_has_role(user, Role.WEBMASTER) or user_has_role(user, Role.MODERATOR)


def require_info_request_handler(user) -> None:
    if not can_handle_info_requests(user):
        raise PermissionDenied(_("ต้องเป็นผู้ดูแลเว็บไซต์หรือผู้ดูแลกระดานถาม-ตอบ"))
