from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "prongsai.policy"
    label = "policy"
    verbose_name = "นโยบายของหน่วยงาน"
