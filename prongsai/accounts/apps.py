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


class AccountsConfig(AppConfig):
    default = True  # this module also holds StaffUsersConfig
    name = "prongsai.accounts"
    label = "accounts"

    def ready(self):
        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="prongsai-sync-roles")


class StaffUsersConfig(WagtailUsersAppConfig):
    """Replaces wagtail.users in INSTALLED_APPS (settings, accounts marker)."""

    user_viewset = "prongsai.accounts.admin_users.StaffUserViewSet"
