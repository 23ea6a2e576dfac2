from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from prongsai.trafficlog.nginx import ingest_files


class Command(BaseCommand):
    help = "นำเข้าบันทึกการเข้าถึงของ nginx เข้าสู่คลังข้อมูลจราจร (ทำซ้ำได้โดยไม่เพิ่มข้อมูลซ้ำ)"

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"ไม่พบไฟล์: {', '.join(missing)}")
        summary = ingest_files(files)
        for bad in summary.malformed:
            self.stderr.write(f"บรรทัดผิดรูปแบบ {bad.path}:{bad.line}: {bad.text[:200]}")
        self.stdout.write(
            f"นำเข้า {summary.ingested} รายการจาก {summary.files} ไฟล์; "
            f"บรรทัดผิดรูปแบบ {len(summary.malformed)} บรรทัด"
        )
        if summary.malformed:
            # A non-zero exit lets cron/monitoring notice, after everything else was ingested.
            raise SystemExit(2)
