"""Sign-in lockout and password-reset throttle (R41, ADR 0072).

django-axes counts failures per (username, address), per username from any address and per
address for any username (``AXES_LOCKOUT_PARAMETERS``). One limit for all three would either
let a colleague behind the office NAT be locked out by someone else's typos (5 per address) or
let a slow guesser through (20 per pair), so each kind has its own limit: the handler scales
each count to ``AXES_FAILURE_LIMIT`` before axes compares it.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_lockout_parameters
from axes.utils import reset
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Sum

from prongsai.core.audit import log

from .roles import Role, user_has_role


def _limit_for(parameter) -> int:
    names = (parameter,) if isinstance(parameter, str) else tuple(sorted(parameter))
    if names == ("username",):
        return settings.PRONGSAI_LOCKOUT_USERNAME_LIMIT
    if names == ("ip_address",):
        return settings.PRONGSAI_LOCKOUT_ADDRESS_LIMIT
    return settings.AXES_FAILURE_LIMIT


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        base = settings.AXES_FAILURE_LIMIT
        worst = 0
        parameters = get_lockout_parameters(request, credentials)
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=False
        ):
            total = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, total * base // _limit_for(parameter))
        return worst


def unlock_sign_in(account, *, by) -> int:
    """An administrator lifts the lockout of an account (every address), audited."""
    if not user_has_role(by, Role.ADMINISTRATOR):
        raise PermissionDenied
    removed = reset(username=account.get_username())
    log(
        instance=account,
        action="prongsai.account.sign_in_unlocked",
        user=by,
        data={"attempts_removed": removed},
    )
    return removed


def password_reset_allowed(address: str) -> bool:
    """At most PRONGSAI_PASSWORD_RESET_LIMIT requests per address per window."""
    key = f"prongsai:password-reset:{address}"
    window = settings.PRONGSAI_PASSWORD_RESET_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.PRONGSAI_PASSWORD_RESET_LIMIT
