"""Reads shared by the dashboard panel, the daily check and the views."""

from prongsai.accounts.roles import Role, users_with_role

from .conf import min_webmasters


def webmaster_shortage() -> dict | None:
    """R33: None when enough active webmasters exist, else the count and the minimum."""
    count = users_with_role(Role.WEBMASTER).count()
    minimum = min_webmasters()
    return None if count >= minimum else {"count": count, "minimum": minimum}
