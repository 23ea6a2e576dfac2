from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_default_survey(sender, **kwargs):
    # The data migration seeds the form once; this puts it back after a flush too (tests that
    # empty the database, `manage.py flush`), and does nothing when questions already exist.
    from django.apps import apps as global_apps

    from .migrations import _defaults

    _defaults.create_defaults(global_apps, None)


class FeedbackConfig(AppConfig):
    name = "prongsai.feedback"
    label = "feedback"

    def ready(self):
        from .searchable import register_search_source

        post_migrate.connect(_ensure_default_survey, sender=self)
        register_search_source()
