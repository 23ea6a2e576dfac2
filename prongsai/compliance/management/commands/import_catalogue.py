"""Import a catalogue (YAML or CSV); refused whole, with line numbers, when anything is wrong."""

from django.core.management.base import BaseCommand, CommandError

from prongsai.compliance.catalogue_io import (
    CatalogueFileError,
    import_catalogue,
    read_file,
    validate,
)


class Command(BaseCommand):
    help = "นำเข้ารายการตรวจ (ITA/OIT มาตรฐานเว็บไซต์ ฯลฯ) จากไฟล์ YAML หรือ CSV ดู docs/compliance.md"

    def add_arguments(self, parser):
        parser.add_argument("file", help="ไฟล์ .yaml/.yml หรือ .csv")
        parser.add_argument("--dry-run", action="store_true", help="ตรวจไฟล์อย่างเดียว ไม่บันทึก")

    def handle(self, *args, file, dry_run, **options):
        try:
            parsed = read_file(file)
            if dry_run:
                fields, items = validate(parsed)
                self.stdout.write(self.style.SUCCESS(f"ไฟล์ถูกต้อง: {fields['slug']} {len(items)} ข้อ"))
                return
            catalogue, created = import_catalogue(parsed)
        except CatalogueFileError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"ไม่นำเข้าไฟล์ {file}: พบข้อผิดพลาด {len(exc.errors)} จุด รายการเดิมไม่ถูกเปลี่ยนแปลง"
            ) from exc
        verb = "สร้าง" if created else "ปรับปรุง"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}รายการ {catalogue.slug} ({catalogue.items.count()} ข้อ) เรียบร้อย"
            )
        )
