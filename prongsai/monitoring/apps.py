from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "prongsai.monitoring"
    label = "monitoring"
