from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "prongsai.profiles"
    label = "profiles"
    verbose_name = "โปรไฟล์หน่วยงาน"
