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
