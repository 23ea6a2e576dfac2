from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "prongsai.core"
    label = "core"

    def ready(self) -> None:
        from .text import accept_thai_marks_in_page_slugs

        # Thai slugs keep their vowel and tone marks (thai_slugify); Wagtail must accept them on
        # publish and in the page editor, for every app that creates pages.
        accept_thai_marks_in_page_slugs()

        from .bedate import register_overrides

        # Every date staff type in Wagtail's admin forms is read and shown in the Buddhist era.
        register_overrides()

        from . import signals

        signals.connect()
