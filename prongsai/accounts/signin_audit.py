"""Sign-ins, failed sign-ins and lockouts in Wagtail's audit log (R41, ADR 0074).

Entries are written against the account concerned, with the client address (the same rule as
lockout and traffic data: prongsai/core/clientip.py). A failed sign-in for a username that does
not exist has no account to hang on: it goes to the application log only, and nothing shown to
the visitor differs, so the log cannot be used to find which usernames exist.
"""

import logging

from django.contrib.auth import get_user_model

from prongsai.core.audit import log
from prongsai.core.clientip import client_ip

logger = logging.getLogger(__name__)


def _account(username):
    if not username:
        return None
    model = get_user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: username}).first()


def _address(request) -> str:
    return client_ip(request) if request is not None else ""


def signed_in(sender, request=None, user=None, **kwargs):
    if user is not None and user.pk:
        log(
            instance=user,
            action="prongsai.account.signed_in",
            user=user,
            data={"address": _address(request)},
        )


def sign_in_failed(sender, credentials=None, request=None, **kwargs):
    username = (credentials or {}).get("username")
    account = _account(username)
    if account is None:
        logger.info("failed sign-in for an unknown username from %s", _address(request))
        return
    log(
        instance=account,
        action="prongsai.account.sign_in_failed",
        user=None,
        data={"address": _address(request)},
    )


def locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    account = _account(username)
    if account is None:
        logger.warning("sign-in lockout for an unknown username from %s", ip_address)
        return
    log(
        instance=account,
        action="prongsai.account.locked_out",
        user=None,
        data={"address": ip_address or ""},
    )
