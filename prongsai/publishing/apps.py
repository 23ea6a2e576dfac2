from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "prongsai.publishing"
    label = "publishing"
