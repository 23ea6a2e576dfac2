from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrafficlogConfig(AppConfig):
    name = "prongsai.trafficlog"
    label = "trafficlog"
    verbose_name = _("ข้อมูลจราจรทางคอมพิวเตอร์")

    def ready(self):
        # Refuse to start (web workers, commands, task workers alike) with an unlawful setting.
        from .retention import validate_retention_settings

        validate_retention_settings()
