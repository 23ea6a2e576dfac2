from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.permissions import refuse


def can_moderate(user) -> bool:
    return user_has_role(user, Role.MODERATOR) or user_has_role(user, Role.WEBMASTER)


def can_see_reports(user) -> bool:
    return can_moderate(user) or user_has_role(user, Role.EXECUTIVE)


def require_moderator(user) -> None:
    if not can_moderate(user):
        refuse("ต้องเป็นผู้ดูแลกระดานถาม-ตอบหรือผู้ดูแลเว็บไซต์")
