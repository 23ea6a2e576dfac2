from django.core.management.base import BaseCommand, CommandError

from prongsai.profiles.files import resolve
from prongsai.profiles.yamlfile import ProfileInvalid, read_profile


class Command(BaseCommand):
    help = "ตรวจไฟล์โปรไฟล์หน่วยงาน (YAML) โดยไม่บันทึกสิ่งใด / Validate an agency profile file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ .yaml หรือชื่อโปรไฟล์ที่มากับระบบ เช่น bang-mak")

    def handle(self, *args, file, **options):
        path = resolve(file)
        try:
            profile = read_profile(path)
        except ProfileInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"โปรไฟล์ไม่ถูกต้อง {len(invalid.errors)} จุด / invalid profile"
            ) from invalid
        self.stdout.write(
            self.style.SUCCESS(
                f"{path}: ถูกต้อง / valid — {profile.agency.name_th}: หน่วยงานภายใน "
                f"{len(profile.units)} หน่วย, บุคคล {len(profile.people)} คน, "
                f"ประเภทข้อมูล {len(profile.information_classes)} ประเภท"
            )
        )
