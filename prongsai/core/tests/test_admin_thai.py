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


def _po_entries(text: str) -> list[tuple[str | None, str, str]]:
    """(msgctxt, msgid, msgstr) of each entry, msgctxt None when absent; continuation lines
    joined. A plural entry gives its first msgstr."""
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
        if "msgid" in fields:
            msgstr = fields.get("msgstr", fields.get("msgstr[0]", ""))
            entries.append((fields.get("msgctxt"), fields["msgid"], msgstr))
    return entries


def _installed_msgids(domain: str, packages=("wagtail", "django")) -> set[tuple[str | None, str]]:
    site = Path(__import__("wagtail").__file__).parent.parent
    known = set()
    for package in packages:
        for po in site.glob(f"{package}/**/locale/en/LC_MESSAGES/{domain}.po"):
            known.update((ctx, msgid) for ctx, msgid, _ in _po_entries(po.read_text()))
    return known


BAD_THAI = ("เว็บไซด์", "เรีบยร้อย", "หลายหน้า", "ที่ผ่านมา", "แผงควบคุม , ", "เซฟ")


@pytest.mark.parametrize(("domain", "at_least"), [("django", 500), ("djangojs", 80)])
def test_catalogue_overrides_only_real_msgids_and_has_no_known_bad_thai(domain, at_least):
    """Each entry must match a msgid (and msgctxt, when it has one) that Wagtail or Django
    really uses: a typo, or a context Wagtail dropped, overrides nothing."""
    known = _installed_msgids(domain)
    entries = [(c, m, s) for c, m, s in _po_entries(PO.with_name(f"{domain}.po").read_text()) if m]
    assert len(entries) > at_least
    assert [(c, m) for c, m, _ in entries if (c, m) not in known] == []
    assert any(c for c, _, _ in entries) or domain == "djangojs", "msgctxt entries are checked too"
    for _, _, msgstr in entries:
        assert msgstr, "empty translation"
        assert not any(bad in msgstr for bad in BAD_THAI)


def test_js_catalogue_covers_every_wagtail_js_string():
    """Wagtail's scripts translate through /admin/jsi18n/; all of its strings have our Thai."""
    known = {m for _, m in _installed_msgids("djangojs", packages=("wagtail",)) if m}
    ours = {m for _, m, _ in _po_entries(PO.with_name("djangojs.po").read_text()) if m}
    assert known - ours == set()


def test_msgctxt_entries_are_used():
    """pgettext finds an entry with a msgctxt: humanize's relative times read Thai."""
    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import translation

    with translation.override("th"):
        assert naturaltime(timezone.now() - datetime.timedelta(days=3, seconds=5)) == (
            "3\xa0วันที่แล้ว"
        )
        assert naturaltime(timezone.now() - datetime.timedelta(minutes=13, seconds=5)) == (
            "13 นาทีที่แล้ว"
        )


def test_compiled_catalogue_is_current():
    """The .mo Django reads is the compiled .po (make install compiles it with msgfmt --check)."""
    for po in (PO, PO.with_name("djangojs.po")):
        mo = po.with_suffix(".mo")
        assert mo.exists(), "run `make install` to compile prongsai/locale"
        fresh = subprocess.run(
            ["msgfmt", "--check", "-o", "-", str(po)], check=True, capture_output=True
        ).stdout
        assert mo.read_bytes() == fresh, po.name


def test_listing_count_without_a_model_reads_in_thai():
    """A report without a model counted its rows as "1 item" (Wagtail's paginator)."""
    from django.utils import translation
    from wagtail.admin.paginator import WagtailPaginator

    with translation.override("th"):
        assert WagtailPaginator(["row"], 20).items_count_label == "1 รายการ"
        assert WagtailPaginator(["row", "row"], 20).items_count_label == "2 รายการ"
