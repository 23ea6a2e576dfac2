"""Build page trees for tests. Pages are added under their parent and published."""

import datetime as dt

from wagtail.models import Page, Site

from prongsai.accounts.tests.factories import UnitFactory
from prongsai.sitepages import models as m


def metadata(unit=None, **overrides):
    values = {
        "owner_unit": unit or UnitFactory(),
        "source": "กลุ่มงานทดสอบ",
        "info_period_start": dt.date(2026, 10, 1),
        "published_date": dt.date(2026, 11, 1),
    }
    values.update(overrides)
    return values


def add_page(parent, cls, *, publish=True, **fields):
    fields.setdefault("title", f"{cls.__name__} ทดสอบ")
    fields.setdefault("slug", f"{cls.__name__.lower()}-{Page.objects.count()}")
    page = cls(**fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def build_site(hostname="localhost"):
    """A home page as the default site's root; replaces Wagtail's placeholder page."""
    root = Page.get_first_root_node()
    for placeholder in Page.objects.filter(depth=2):
        placeholder.delete()
    home = add_page(root, m.HomePage, title="หน้าแรก", slug="home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": hostname, "port": 80, "root_page": home}
    )
    return home


def whole_sitemap(client) -> str:
    """Every sitemap the index at ``/sitemap.xml`` lists, as one text (index included)."""
    import re
    from urllib.parse import urlsplit

    index = client.get("/sitemap.xml").content.decode()
    parts = [client.get(urlsplit(loc).path) for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    assert all(part.status_code == 200 for part in parts)
    return index + "".join(part.content.decode() for part in parts)


def oia_details(code: str, document=None) -> list:
    """Complete ``details`` for an OIA item page of ``code`` (sitepages/oia_blocks.py)."""
    from prongsai.sitepages.oia_blocks import ITEM_KIND

    kind = ITEM_KIND[code]
    doc = document.pk if document else None
    values = {
        "structure": {"description": "<p>12 กลุ่มงาน</p>", "units": ["กลุ่มงานบริหารทั่วไป"]},
        "powers": {"powers": "<p>กำกับดูแลงานสาธารณสุข</p>", "methods": "<p>ตามแผนปฏิบัติราชการ</p>"},
        "contact": {
            "place": "ศูนย์ข้อมูลข่าวสาร ชั้น 1",
            "address": "123 ถนนศาลากลาง อำเภอเมือง จังหวัดตัวอย่าง 91000",
            "office_hours": "จันทร์-ศุกร์ 08.30-16.30 น.",
            "contact_person": "นางสาวสมใจ ใฝ่รู้",
            "contact_position": "เจ้าพนักงานธุรการ",
            "phone": "0 7471 1071 ต่อ 120",
            "email": "info@example.go.th",
            "map_url": "https://www.openstreetmap.org/?mlat=6.6&mlon=100.0",
        },
        "record": {
            "title": "ประกาศตัวอย่าง",
            "reference": "ที่ 1/2569",
            "date": "2026-10-05",
            "url": "https://www.example.go.th/announcement",
        },
        "plan": {"fiscal_year": 2570, "title": "โครงการตัวอย่าง", "budget": "150000.00"},
        "contract": {
            "subject": "สัญญาร่วมทุนจัดบริการรถพยาบาล",
            "party": "บริษัท ตัวอย่าง จำกัด",
            "contract_number": "1/2569",
            "signed": "2026-01-15",
        },
        "procurement_summary": {"month": "2026-10-01", "document": doc},
    }[kind]
    return [{"type": kind, "value": values}]
