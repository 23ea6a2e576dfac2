from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "prongsai.publishing"
    label = "publishing"

    def ready(self) -> None:
        from prongsai.core.text import accept_thai_marks_in_page_slugs

        # Pages created from requests get readable Thai slugs (thai_slugify keeps vowel and tone
        # marks); Wagtail must accept them on publish and in the page editor. The lead may move
        # this call to prongsai/core/apps.py, where it belongs.
        accept_thai_marks_in_page_slugs()
