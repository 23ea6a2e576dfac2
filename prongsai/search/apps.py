from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "prongsai.search"
    label = "search"

    def ready(self):
        from modelsearch import signal_handlers

        from . import signals

        # Wagtail's search app connects ``post_save_signal_handler`` for every indexed model in
        # its own ready(), which runs after this one (INSTALLED_APPS order): it connects ours,
        # which indexes with the save instead of queueing (ADR 0223).
        signal_handlers.post_save_signal_handler = signals.index_with_the_save
