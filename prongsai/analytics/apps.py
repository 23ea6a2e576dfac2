from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "prongsai.analytics"
    label = "analytics"
