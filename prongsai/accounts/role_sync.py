"""Create one Wagtail group per role with exactly the permissions in ROLE_PERMISSIONS.

Idempotent: run by `manage.py sync_roles`, after every `migrate` (post_migrate) and by the
demo loader. Permissions an administrator added to a role group by hand are removed, so
the groups always match the documented policy (docs/staff-accounts.md).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .role_permissions import ROLE_PERMISSIONS, RolePermissions
from .roles import Role


def _permissions(names) -> list[Permission]:
    found = []
    for name in sorted(names):
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:  # apps not installed yet (first migrate) are skipped
            found.append(permission)
    return found


def _settings_permissions() -> list[Permission]:
    from wagtail.contrib.settings.registry import registry

    return _permissions(
        f"{model._meta.app_label}.change_{model._meta.model_name}" for model in registry
    )


def _model_permissions(spec: RolePermissions) -> set[Permission]:
    permissions = set(_permissions(spec.model))
    if spec.all_models_except_apps is not None:
        permissions |= set(
            Permission.objects.exclude(content_type__app_label__in=spec.all_models_except_apps)
        )
    if spec.all_settings:
        permissions |= set(_settings_permissions())
    return permissions


def _page_permissions(spec: RolePermissions) -> list[Permission]:
    return _permissions(f"wagtailcore.{kind}_page" for kind in spec.page)


def _sync_page_permissions(group: Group, spec: RolePermissions) -> None:
    root = Page.get_first_root_node()
    wanted = set(_page_permissions(spec)) if root is not None else set()
    GroupPagePermission.objects.filter(group=group).exclude(
        page=root, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _sync_collection_permissions(group: Group, spec: RolePermissions) -> None:
    root = Collection.get_first_root_node()
    wanted = set(_permissions(spec.collection)) if root is not None else set()
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=wanted
    ).delete()
    for permission in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def sync_roles() -> dict[Role, Group]:
    groups = {}
    for role, spec in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set(_model_permissions(spec))
        _sync_page_permissions(group, spec)
        _sync_collection_permissions(group, spec)
        groups[role] = group
    return groups


def role_group(role: Role) -> Group:
    """The group of ``role``, created with its permissions if it does not exist yet."""
    group = Group.objects.filter(name=role.value).first()
    return group if group is not None else sync_roles()[role]
