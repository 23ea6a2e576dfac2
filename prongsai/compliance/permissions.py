"""Who may see the completeness dashboard and who may change evidence (R34)."""

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.permissions import refuse

DASHBOARD_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR, Role.PUBLISHER, Role.EXECUTIVE)
EDITOR_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR)


def can_view_dashboard(user) -> bool:
    return any(user_has_role(user, role) for role in DASHBOARD_ROLES)


def can_edit(user) -> bool:
    return any(user_has_role(user, role) for role in EDITOR_ROLES)


def check_editor(user) -> None:
    # None: a command or import run by the system, not a person.
    if user is not None and not can_edit(user):
        refuse("เฉพาะผู้ดูแลเว็บไซต์หรือผู้ดูแลระบบเท่านั้น")
