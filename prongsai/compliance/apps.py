from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "prongsai.compliance"
    label = "compliance"
