"""Who may do what with accounts and roles; and the one role-gated admin menu item."""

from wagtail.admin.menu import MenuItem

from .roles import Role, user_has_role

CONFIRMING_ROLES = (Role.EXECUTIVE, Role.ADMINISTRATOR)


def can_propose_coordinator(user) -> bool:
    return user_has_role(user, Role.ADMINISTRATOR)


def can_confirm_coordinator(user) -> bool:
    return any(user_has_role(user, role) for role in CONFIRMING_ROLES)


def can_reset_others_account(user, account) -> bool:
    """An administrator may reset another person's two-factor device or end their sessions;
    nobody does it to their own account (that goes through their own re-authentication)."""
    return user_has_role(user, Role.ADMINISTRATOR) and account.pk != user.pk


class RoleMenuItem(MenuItem):
    """A menu item shown only to whom its app's predicate allows (the same predicate that the
    view and the service ask). ``allowed`` takes the user, or the request with ``per_request``
    (e.g. when the answer depends on the site)."""

    def __init__(self, label, url, *, allowed, per_request=False, **kwargs):
        super().__init__(label, url, **kwargs)
        self.allowed = allowed
        self.per_request = per_request

    def is_shown(self, request):
        return bool(self.allowed(request if self.per_request else request.user))
