from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from prongsai.profiles.files import resolve
from prongsai.profiles.loader import CannotReplace, SiteHasContent, existing_content, load
from prongsai.profiles.yamlfile import ProfileInvalid, read_profile


class DryRun(Exception):
    pass


class Command(BaseCommand):
    help = (
        "โหลดโปรไฟล์หน่วยงานเข้าเว็บไซต์ใหม่ในธุรกรรมเดียว (ทั้งหมดหรือไม่มีเลย) / "
        "Load an agency profile into a fresh site, all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("profile", help="ชื่อโปรไฟล์ (เช่น bang-mak) หรือไฟล์ .yaml")
        parser.add_argument(
            "--dry-run", action="store_true", help="ตรวจและทดลองโหลด แล้วย้อนกลับทั้งหมด"
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="ลบเนื้อหา หน่วยงาน บัญชี และเส้นทางอนุมัติที่มีอยู่ก่อน (แสดงรายการก่อนลบ)",
        )

    def handle(self, *args, profile, dry_run, replace, **options):
        path = resolve(profile)
        try:
            parsed = read_profile(path)
        except ProfileInvalid as invalid:
            for error in invalid.errors:
                self.stderr.write(str(error))
            raise CommandError(
                "โปรไฟล์ไม่ถูกต้อง ไม่ได้บันทึกสิ่งใด / invalid profile, nothing written"
            ) from invalid
        if replace:
            contents = existing_content()
            if contents:
                self.stdout.write("จะลบสิ่งต่อไปนี้ก่อนโหลด / will remove first:")
                for line in contents:
                    self.stdout.write(f"  - {line}")
        try:
            with transaction.atomic():
                result = load(parsed, replace=replace)
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write(
                self.style.SUCCESS(f"{path}: ทดลองโหลดได้ ย้อนกลับแล้ว / dry run ok, rolled back")
            )
            return
        except SiteHasContent as refused:
            for line in refused.contents:
                self.stderr.write(f"  - {line}")
            raise CommandError(
                "เว็บไซต์นี้มีเนื้อหาแล้ว ใช้ --replace เพื่อลบและโหลดใหม่ / "
                "the site has content; use --replace"
            ) from refused
        except CannotReplace as kept:
            for line in kept.kept:
                self.stderr.write(f"  - {line}")
            raise CommandError(
                "ลบของเดิมไม่ได้: ข้อมูลข้างต้นอ้างถึงหน่วยงานหรือบัญชีที่จะลบ และ --replace ไม่ลบข้อมูลเหล่านี้"
                " (เป็นหลักฐาน) ไม่ได้เปลี่ยนแปลงสิ่งใด กรุณาโหลดโปรไฟล์เข้าฐานข้อมูลใหม่ / "
                "cannot replace: the records above refer to units or accounts it would remove and"
                " are kept as evidence; nothing changed; load into a fresh database instead"
            ) from kept
        self.stdout.write(self.style.SUCCESS(f"โหลดโปรไฟล์ {parsed.profile} แล้ว / loaded"))
        self.stdout.write("ลิงก์ตั้งรหัสผ่าน (ส่งให้แต่ละคน) / set-password links:")
        for username, link in result.accounts:
            self.stdout.write(f"  {username:<16} {link}")
