"""Who may see traffic data (R40): only the coordinator, with a verified second factor."""

from django.conf import settings

from prongsai.accounts.roles import Role, user_has_role


def is_coordinator(user) -> bool:
    return user_has_role(user, Role.TRAFFIC_COORDINATOR)


def access_refusal(request) -> str | None:
    """Why this request may not see traffic data, or None."""
    user = request.user
    if not is_coordinator(user):
        return "not-coordinator"
    if settings.TRAFFIC_REQUIRE_2FA and not getattr(user, "is_verified", lambda: False)():
        return "two-factor-not-verified"
    return None
