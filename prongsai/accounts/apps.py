from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


def _sync_roles_after_migrate(sender, using="default", **kwargs):
    # Permissions of every app exist only once the last app has run its post_migrate
    # handlers (create_permissions runs per app), so sync once, after the last one.
    if using != "default" or sender is not list(apps.get_app_configs())[-1]:
        return
    from .role_sync import sync_roles

    sync_roles()


class AccountsConfig(AppConfig):
    name = "prongsai.accounts"
    label = "accounts"

    def ready(self):
        post_migrate.connect(_sync_roles_after_migrate, dispatch_uid="prongsai-sync-roles")


class StaffUsersConfig(WagtailUsersAppConfig):
    """Replaces wagtail.users in INSTALLED_APPS (settings, accounts marker)."""

    user_viewset = "prongsai.accounts.admin_users.StaffUserViewSet"
