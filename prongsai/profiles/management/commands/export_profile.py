from pathlib import Path

from django.core.management.base import BaseCommand

from prongsai.profiles.exporter import export_text


class Command(BaseCommand):
    help = "ส่งออกนโยบาย หน่วยงาน บุคคล และเส้นทางอนุมัติของเว็บไซต์เป็นไฟล์โปรไฟล์ / Export the site as a profile."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="ไฟล์ปลายทาง (ไม่ระบุ: แสดงทางหน้าจอ)")

    def handle(self, *args, output=None, **options):
        text = export_text()
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
