from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "prongsai.feedback"
    label = "feedback"
