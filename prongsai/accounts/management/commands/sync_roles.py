from django.core.management.base import BaseCommand

from prongsai.accounts.role_sync import sync_roles


class Command(BaseCommand):
    help = "สร้าง/ปรับกลุ่มผู้ใช้ตามบทบาท ให้มีสิทธิ์ตรงตามที่กำหนดไว้ (รันซ้ำได้)"

    def handle(self, *args, **options):
        groups = sync_roles()
        for role, group in groups.items():
            self.stdout.write(f"{role.label}: {group.permissions.count()} สิทธิ์")
        self.stdout.write(self.style.SUCCESS(f"ปรับกลุ่มตามบทบาทแล้ว {len(groups)} กลุ่ม"))
