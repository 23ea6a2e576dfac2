"""``load_demo --profile NAME``: one of the shipped agencies as the demo site.

Demo accounts get known passwords (printed by ``load_demo``) instead of set-password links, and
an ``admin`` superuser is added to edit the site. Running it again changes nothing; another
profile replaces the previous one.
"""

from django.core.management.base import CommandError

from prongsai.accounts.models import User
from prongsai.policy.selectors import policy_for

from .files import resolve, shipped
from .loader import CannotReplace, existing_content
from .loader import load as load_into_site
from .schema import ROLE_KEYS
from .yamlfile import ProfileInvalid, read_profile

ADMIN_PASSWORD = "Prongsai-Admin-2569"  # noqa: S105 - exists only in the demo database


def demo_password(username: str) -> str:
    return f"Demo-{username}-2569"


def load(name: str, stdout) -> list[tuple[str, str, str]]:
    if name not in shipped():
        raise CommandError(
            f"ไม่มีโปรไฟล์ “{name}” / no such profile (มี / shipped: {', '.join(shipped())})"
        )
    try:
        profile = read_profile(resolve(name))
    except ProfileInvalid as invalid:
        raise CommandError(str(invalid)) from invalid
    if policy_for().profile_name != name or not User.objects.filter(username="admin").exists():
        try:
            load_into_site(profile, replace=bool(existing_content()), demo_password=demo_password)
        except CannotReplace as kept:
            raise CommandError(
                "ลบเว็บไซต์สาธิตเดิมไม่ได้ เพราะมีข้อมูลที่ไม่ลบอ้างถึงหน่วยงานหรือบัญชี"
                f" ({'; '.join(kept.kept)}) ไม่ได้เปลี่ยนแปลงสิ่งใด ใช้ฐานข้อมูลใหม่ /"
                " cannot replace the previous demo; nothing changed; use a fresh database"
            ) from kept
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={"first_name": "ผู้ดูแลระบบ", "last_name": "(สาธิต)", "is_staff": True},
        )
        if created:
            admin.is_superuser = True
            admin.email = "admin@example.go.th"
            admin.set_password(ADMIN_PASSWORD)
            admin.save()
    stdout.write(f"โปรไฟล์ {name}: {profile.agency.name_th}")
    labels = {key: str(role.label) for key, role in ROLE_KEYS.items()}
    accounts = [("admin", ADMIN_PASSWORD, "ผู้ดูแลระบบ (superuser)")]
    for person in profile.people:
        roles = ", ".join(labels[key] for key in person.roles) or "หัวหน้าหน่วยงาน"
        accounts.append((person.username, demo_password(person.username), roles))
    return accounts
