from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "prongsai.monitoring"
    label = "monitoring"
    verbose_name = "การติดตามและตรวจเว็บไซต์"

    def ready(self):
        from . import signals

        signals.connect()
