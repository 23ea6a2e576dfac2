from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "prongsai.reports"
    label = "reports"
    verbose_name = "รายงานผลการดำเนินงาน"

    def ready(self):
        # Register the periodic job's expected interval, so a stopped job shows as a missed run.
        from . import tasks  # noqa: F401
