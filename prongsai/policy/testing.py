"""For other apps' tests: set the default site's policy the way an administrator would."""

from .selectors import policy_for
from .services import update_policy


def set_policy(**values):
    return update_policy(policy_for(), None, **values)
