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


class AccountsConfig(AppConfig):
    default = True  # this module also holds StaffUsersConfig
    name = "prongsai.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="prongsai-sync-roles")
        user_logged_in.connect(_remember_sign_in, dispatch_uid="prongsai-remember-sign-in")


class StaffUsersConfig(WagtailUsersAppConfig):
    """Replaces wagtail.users in INSTALLED_APPS (settings, accounts marker)."""

    user_viewset = "prongsai.accounts.admin_users.StaffUserViewSet"
