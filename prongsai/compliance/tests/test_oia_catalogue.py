"""R5 via R34: the OIA sections 7 and 9 catalogue is met by the public-inspection corner pages."""

import pytest

from prongsai.compliance.models import Catalogue
from prongsai.compliance.selectors import Status, catalogue_completeness
from prongsai.sitepages import models as m
from prongsai.sitepages.oia_items import OIA_ITEMS
from prongsai.sitepages.tests.factories import add_page, metadata


@pytest.mark.django_db
def test_r5_each_oia_item_page_meets_its_catalogue_item(home_page, site, unit):
    catalogue = Catalogue.objects.get(slug="oia-2540")
    assert sorted(catalogue.items.values_list("code", flat=True)) == sorted(
        i.code for i in OIA_ITEMS
    )
    corner = add_page(home_page, m.OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oia")
    for item in OIA_ITEMS:
        if item.code == "9(5)":
            continue
        add_page(
            corner,
            m.OIAItemPage,
            title=item.title_th,
            slug="s" + item.code.replace("(", "-").rstrip(")"),
            oia_item=item.code,
            **metadata(unit),
        )
    report = catalogue_completeness(catalogue, site)
    by_code = {r.item.code: r for r in report.results}
    assert by_code["9(5)"].status == Status.MISSING
    assert all(r.status == Status.MET for code, r in by_code.items() if code != "9(5)")
    assert by_code["7(1)"].evidence[0].url == "/oia/s7-1/"
