from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _load_shipped_catalogues(sender, **kwargs):
    """After migrate, load the shipped catalogues that are not in the database yet.

    Existing catalogues are never overwritten here: an administrator's corrections stay; a newer
    file is loaded with `manage.py import_catalogue` (see docs/adr/0031-catalogue-loading.md).
    """
    from .catalogue_io import load_shipped_catalogues

    load_shipped_catalogues(only_missing=True)


class ComplianceConfig(AppConfig):
    name = "prongsai.compliance"
    label = "compliance"
    verbose_name = "ความครบถ้วนตามเกณฑ์ (ITA/OIT)"

    def ready(self):
        from .cache import connect_signals

        post_migrate.connect(_load_shipped_catalogues, sender=self)
        connect_signals()
