from django.apps import AppConfig


class FilecheckConfig(AppConfig):
    name = "prongsai.filecheck"
    label = "filecheck"
    verbose_name = "ตรวจไฟล์ที่อัปโหลด"
