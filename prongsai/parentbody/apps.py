from django.apps import AppConfig


class ParentBodyConfig(AppConfig):
    name = "prongsai.parentbody"
    label = "parentbody"
    verbose_name = "การรายงานต่อหน่วยงานต้นสังกัด"

    def ready(self):
        # The sending side: an approved report of this site is pushed to the province.
        from . import sender

        sender.connect()
