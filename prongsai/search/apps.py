from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "prongsai.search"
    label = "search"

    def ready(self):
        from . import signals  # noqa: F401
