from django.apps import AppConfig


class FrontCacheConfig(AppConfig):
    name = "prongsai.frontcache"
    label = "frontcache"
    verbose_name = "แคชหน้าเว็บสาธารณะ"

    def ready(self):
        from . import signals

        signals.connect()
