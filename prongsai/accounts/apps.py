from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


def _last_app_with_models():
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]


def _sync_roles_after_migrate(sender, using="default", **kwargs):
    # Permissions of every app exist only once the last app has run its post_migrate
    # handlers (create_permissions runs per app, and only for apps with models), so sync
    # once, after the last one.
    if using != "default" or sender.label != _last_app_with_models().label:
        return
    from .role_sync import sync_roles

    sync_roles()


def _remember_sign_in(sender, request=None, user=None, **kwargs):
    from .two_factor import record_sign_in

    record_sign_in(request)


def _role_groups_keep_their_names(sender, instance, **kwargs):
    # Roles are recognised by group name (roles.py), so renaming a group into or out of a
    # role's name would hand out a role — the traffic coordinator's included — without the
    # two-person action (ADR 0071).
    from django.core.exceptions import PermissionDenied

    from .roles import Role

    if instance.pk is None:
        return
    old_name = sender.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    role_names = {role.value for role in Role}
    if (
        old_name is not None
        and old_name != instance.name
        and {old_name, instance.name} & role_names
    ):
        raise PermissionDenied("role groups cannot be renamed")


def _coordinator_group_stays(sender, instance, **kwargs):
    from django.core.exceptions import PermissionDenied

    from .roles import Role

    if instance.name == Role.TRAFFIC_COORDINATOR.value:
        raise PermissionDenied("the traffic coordinator group cannot be deleted")


class AccountsConfig(AppConfig):
    default = True  # this module also holds StaffUsersConfig
    name = "prongsai.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="prongsai-sync-roles")
        user_logged_in.connect(_remember_sign_in, dispatch_uid="prongsai-remember-sign-in")
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_login_failed

        from . import signin_audit

        user_logged_in.connect(signin_audit.signed_in, dispatch_uid="prongsai-audit-sign-in")
        user_login_failed.connect(signin_audit.sign_in_failed, dispatch_uid="prongsai-audit-fail")
        user_locked_out.connect(signin_audit.locked_out, dispatch_uid="prongsai-audit-lockout")
        from django.contrib.auth.signals import user_logged_out

        from . import staff_sessions

        user_logged_in.connect(staff_sessions.signed_in, dispatch_uid="prongsai-staff-session")
        user_logged_out.connect(staff_sessions.signed_out, dispatch_uid="prongsai-staff-session")
        from django.contrib.auth.models import Group
        from django.db.models.signals import pre_delete, pre_save

        pre_save.connect(
            _role_groups_keep_their_names, sender=Group, dispatch_uid="prongsai-role-names"
        )
        pre_delete.connect(
            _coordinator_group_stays, sender=Group, dispatch_uid="prongsai-coord-group"
        )


class StaffUsersConfig(WagtailUsersAppConfig):
    """Replaces wagtail.users in INSTALLED_APPS (settings, accounts marker)."""

    user_viewset = "prongsai.accounts.admin_users.StaffUserViewSet"
