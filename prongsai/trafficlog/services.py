"""State changes of this app: recording each access to traffic data, and holds."""

from django.conf import settings
from django.db import transaction
from wagtail.log_actions import log

from prongsai.accounts.roles import Role, user_has_role

from .models import Hold, TrafficAccess


def access_refusal(request) -> str | None:
    """Why this request may not see traffic data, or None. Only the coordinator, 2FA-verified."""
    user = request.user
    if not user_has_role(user, Role.TRAFFIC_COORDINATOR):
        return "not-coordinator"
    if settings.TRAFFIC_REQUIRE_2FA and not getattr(user, "is_verified", lambda: False)():
        return "two-factor-not-verified"
    return None


@transaction.atomic
def record_access(request, *, action, outcome, query=None, reason="", result_count=None):
    user = request.user if request.user.is_authenticated else None
    access = TrafficAccess.objects.create(
        user=user,
        username=user.get_username() if user else "",
        action=action,
        outcome=outcome,
        query=query or {},
        reason=reason,
        result_count=result_count,
        client_ip=request.META.get("REMOTE_ADDR", ""),
        request_id=getattr(request, "request_id", ""),
    )
    log(
        instance=access,
        action=f"prongsai_traffic.{action}.{outcome}",
        user=user,
        data={"query": query or {}, "reason": reason, "result_count": result_count},
    )
    return access


@transaction.atomic
def create_hold(user, **fields) -> Hold:
    hold = Hold(created_by=user, **fields)
    hold.full_clean()
    hold.save()
    log(instance=hold, action="prongsai_traffic.hold.create", user=user)
    return hold
