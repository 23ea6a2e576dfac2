from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    name = "prongsai.sitepages"
    label = "sitepages"
