from django.core.management.base import BaseCommand

from prongsai.trafficlog.sealing import seal_and_checkpoint


class Command(BaseCommand):
    help = "ปิดผนึกส่วนข้อมูลจราจรที่เขียนเสร็จแล้ว และบันทึกจุดตรวจสอบของส่วนที่ยังเปิดอยู่"

    def handle(self, *args, **options):
        summary = seal_and_checkpoint()
        self.stdout.write(
            f"ปิดผนึก {len(summary.sealed)} ส่วน, จุดตรวจสอบ {len(summary.checkpointed)} ส่วน"
        )
        for problem in summary.problems:
            self.stderr.write(f"พบความเสียหาย: {problem}")
