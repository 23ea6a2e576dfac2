"""Changes to an agency's policy, audited with the registered action ``prongsai.policy.changed``."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.audit import log

ACTION = "prongsai.policy.changed"
MANY_TO_MANY = ("supervisors",)


def can_change(user) -> bool:
    return user_has_role(user, Role.ADMINISTRATOR)


def _plain(value):
    if hasattr(value, "all") or isinstance(value, list | tuple | set):
        items = value.all() if hasattr(value, "all") else value
        return [getattr(item, "pk", item) for item in items]
    return getattr(value, "pk", value)


def _after(policy, names) -> dict:
    return {name: _plain(getattr(policy, name)) for name in names}


def snapshot(policy) -> dict:
    """The policy's values, plain (user pks for people), for comparing before and after."""
    names = [
        field.name
        for field in policy._meta.get_fields()
        if getattr(field, "concrete", False) and field.name not in ("id", "site")
    ]
    return {name: _plain(getattr(policy, name)) for name in names}


def record_admin_change(policy, before: dict, *, user=None) -> None:
    """The admin's settings form saved ``policy``; ``before`` is its snapshot before the save."""
    after = snapshot(policy)
    changed = [name for name in after if before.get(name) != after[name]]
    if not changed:
        return
    log(
        instance=policy,
        action=ACTION,
        user=user,
        data={
            "before": {name: before.get(name) for name in changed},
            "after": {name: after[name] for name in changed},
        },
    )


@transaction.atomic
def update_policy(policy, user, **values):
    """Change fields of ``policy`` (from a command or a profile); refused unless administrator."""
    if user is not None and not can_change(user):
        raise PermissionDenied
    before = {name: _plain(getattr(policy, name)) for name in values}
    many = {name for name in values if name in MANY_TO_MANY}
    for name, value in values.items():
        if name not in many:
            setattr(policy, name, value)
    policy.full_clean(exclude=["site", *many])
    policy.save()
    for name in many:
        getattr(policy, name).set(values[name])
    changed = {name: old for name, old in before.items() if old != _plain(getattr(policy, name))}
    if changed:
        log(
            instance=policy,
            action=ACTION,
            user=user,
            data={"before": changed, "after": _after(policy, changed)},
        )
    return policy
