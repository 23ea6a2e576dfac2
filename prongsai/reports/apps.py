from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "prongsai.reports"
    label = "reports"
    verbose_name = "รายงานผลการดำเนินงาน"
