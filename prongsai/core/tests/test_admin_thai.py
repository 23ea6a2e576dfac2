"""The admin in Thai: Prongsai's catalogue overrides Wagtail's poor Thai (issue 11 item 10).

Rendered through the real admin views with the compiled catalogue in prongsai/locale.
"""

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from prongsai.accounts.models import User

PO = Path(settings.BASE_DIR) / "prongsai" / "locale" / "th" / "LC_MESSAGES" / "django.po"

#: Strings reported from the walk through the admin; none may appear on a Thai screen.
KNOWN_BAD = [
    "หลายหน้า",
    "เว็บไซด์",
    "เรีบยร้อย",
    "ที่ผ่านมา",
    "minute",
    "ลงชื่อเข้าใช้ในWagtail",
    "Forgotten password?",
    "Password",
    "แผงควบคุม , หน้าจอที่ควบคุม",
    "หลายๆผู้ใช้",
]


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    parts = list(soup.stripped_strings)
    for tag in soup.find_all(True):
        parts += [tag[a] for a in ("aria-label", "title", "placeholder", "alt") if tag.get(a)]
    return "\n".join(parts)


def assert_no_known_bad(text: str) -> None:
    found = [bad for bad in KNOWN_BAD if bad in text]
    assert not found, f"Wagtail's poor Thai still shown: {found}"


@pytest.mark.django_db
def test_r44_admin_login_page_reads_in_thai(client):
    text = visible_text(client.get("/admin/login/").content.decode())
    for good in ("เข้าสู่ระบบหลังบ้าน", "ลืมรหัสผ่าน?", "รหัสผ่าน", "จดจำการเข้าสู่ระบบ"):
        assert good in text
    assert_no_known_bad(text)


@pytest.mark.django_db
def test_r44_admin_dashboard_and_explorer_read_in_thai(client):
    user = User.objects.create_superuser("webmaster1", "w@example.go.th", "ฟ้าใส-ทะเลคราม-2569")
    home = Page.objects.get(depth=2)
    revision = home.save_revision(user=user, log_action=True)
    # Two days ago: the dashboard then says how long ago, through Django's timesince.
    PageLogEntry.objects.filter(revision=revision).update(
        timestamp=timezone.now() - datetime.timedelta(days=2, minutes=1)
    )
    client.force_login(user)

    dashboard = visible_text(client.get("/admin/").content.decode())
    assert "แผงควบคุม" in dashboard
    assert "หน้าที่ท่านแก้ไขล่าสุด" in dashboard
    assert re.search(r"2\s+วันที่แล้ว", dashboard)
    assert re.search(r"หน้าเว็บ \d+ หน้า", dashboard)
    assert_no_known_bad(dashboard)

    explorer = visible_text(client.get(f"/admin/pages/{home.pk}/").content.decode())
    assert "หน้าเว็บ" in explorer
    assert_no_known_bad(explorer)

    editor = visible_text(client.get(f"/admin/pages/{home.pk}/edit/").content.decode())
    assert "บันทึกฉบับร่าง" in editor
    assert_no_known_bad(editor)


def test_r44_relative_times_are_whole_thai_phrases():
    from django.utils import translation
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("th"):
        assert timesince_simple(timezone.now() - datetime.timedelta(minutes=1, seconds=5)) == (
            "1\xa0นาทีที่แล้ว"
        )
        assert timesince_simple(timezone.now()) == "เมื่อสักครู่"


def _po_entries(text: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs without a msgctxt; continuation lines joined."""
    entries = []
    for block in text.split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            keyword = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?) "(.*)"$', line)
            if keyword:
                current = keyword.group(1)
                fields[current] = keyword.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if "msgid" in fields and "msgctxt" not in fields:
            entries.append((fields["msgid"], fields.get("msgstr", fields.get("msgstr[0]", ""))))
    return entries


def test_catalogue_overrides_only_real_msgids_and_has_no_known_bad_thai():
    """Each entry must match a msgid Wagtail or Django really uses (a typo overrides nothing)."""
    site = Path(__import__("wagtail").__file__).parent.parent
    known = set()
    for po in [*site.glob("wagtail/**/locale/en/LC_MESSAGES/django.po")] + [
        *site.glob("django/**/locale/en/LC_MESSAGES/django.po")
    ]:
        known.update(m for m, _ in _po_entries(po.read_text()))
    entries = [(m, s) for m, s in _po_entries(PO.read_text()) if m]
    assert len(entries) > 500
    assert [m for m, _ in entries if m not in known] == []
    for _, msgstr in entries:
        assert msgstr, "empty translation"
        assert not any(bad in msgstr for bad in ("เว็บไซด์", "เรีบยร้อย", "หลายหน้า", "ที่ผ่านมา"))


def test_compiled_catalogue_is_current():
    """The .mo Django reads is the compiled .po (make install compiles it with msgfmt --check)."""
    mo = PO.with_suffix(".mo")
    assert mo.exists(), "run `make install` to compile prongsai/locale"
    fresh = subprocess.run(
        ["msgfmt", "--check", "-o", "-", str(PO)], check=True, capture_output=True
    ).stdout
    assert mo.read_bytes() == fresh
