from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "prongsai.operations"
    label = "operations"
    verbose_name = "การดูแลระบบ (สำรองและกู้คืนข้อมูล)"

    def ready(self):
        from . import signals  # noqa: F401
