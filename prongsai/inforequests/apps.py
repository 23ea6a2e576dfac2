from django.apps import AppConfig


class InfoRequestsConfig(AppConfig):
    name = "prongsai.inforequests"
    label = "inforequests"
    verbose_name = "คำขอข้อมูลข่าวสาร"
