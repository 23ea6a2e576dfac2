"""Who may do what in monitoring: one predicate per action, asked by services, views and menus."""

from prongsai.accounts.roles import Role, user_has_role
from prongsai.publishing.permissions import can_open_revision

DAILY_CHECK_ROLES = (Role.WEBMASTER, Role.ADMINISTRATOR, Role.EXECUTIVE)


def can_view_daily_check(user) -> bool:
    return any(user_has_role(user, role) for role in DAILY_CHECK_ROLES)


def can_sign_off(user) -> bool:
    return user_has_role(user, Role.WEBMASTER)


def can_set_interval(user, page) -> bool:
    return bool(
        user is not None and user.is_authenticated and page.permissions_for_user(user).can_edit()
    )


def can_review(user, schedule) -> bool:
    """Confirm, revise or withdraw a page in its periodic review: whoever may open a revision
    request for it (one rule with publishing)."""
    return can_open_revision(user, schedule.page)
