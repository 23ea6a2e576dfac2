from django.core.management.base import BaseCommand

from prongsai.trafficlog.retention import apply_retention


class Command(BaseCommand):
    help = "ลบส่วนข้อมูลจราจรที่ปิดผนึกแล้วและเก่ากว่าระยะเวลาเก็บรักษา (ยกเว้นที่มีคำสั่งให้เก็บต่อ)"

    def handle(self, *args, **options):
        summary = apply_retention()
        for entry in summary.deleted:
            self.stdout.write(
                f"ลบ {entry['segment']}: {entry['count']} รายการ "
                f"({entry['first_time']} – {entry['last_time']}), head {entry['head']}"
            )
        for name in summary.held:
            self.stdout.write(f"เก็บต่อตามคำสั่ง: {name}")
        for name in summary.kept_damaged:
            self.stderr.write(f"ไม่ลบเพราะพบความเสียหาย (อาจเป็นพยานหลักฐาน): {name}")
