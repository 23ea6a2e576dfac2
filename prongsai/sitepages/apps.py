from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    name = "prongsai.sitepages"
    label = "sitepages"

    def ready(self):
        from .collection_privacy import register_policies

        register_policies()
