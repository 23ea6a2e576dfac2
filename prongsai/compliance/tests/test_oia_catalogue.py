"""R5 via R34: the OIA sections 7 and 9 catalogue is met by the public-inspection corner pages."""

import pytest

from prongsai.compliance.models import Catalogue
from prongsai.compliance.selectors import Status, catalogue_completeness
from prongsai.sitepages import models as m
from prongsai.sitepages.oia_items import OIA_ITEMS
from prongsai.sitepages.tests.factories import add_page, metadata, oia_details


@pytest.mark.django_db
def test_r5_each_oia_item_page_meets_its_catalogue_item(home_page, site, unit):
    catalogue = Catalogue.objects.get(slug="oia-2540")
    assert sorted(catalogue.items.values_list("code", flat=True)) == sorted(
        i.code for i in OIA_ITEMS
    )
    corner = add_page(home_page, m.OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oia")
    summary = m.AgencyDocument.objects.create(title="สขร.1 ตุลาคม 2569", **metadata(unit))
    for item in OIA_ITEMS:
        if item.code == "9(5)":
            continue
        add_page(
            corner,
            m.OIAItemPage,
            title=item.title_th,
            slug="s" + item.code.replace("(", "-").rstrip(")"),
            oia_item=item.code,
            details=oia_details(item.code, summary),
            **metadata(unit),
        )
    report = catalogue_completeness(catalogue, site)
    by_code = {r.item.code: r for r in report.results}
    assert by_code["9(5)"].status == Status.MISSING
    assert all(r.status == Status.MET for code, r in by_code.items() if code != "9(5)")
    assert by_code["7(1)"].evidence[0].url == "/oia/s7-1/"


@pytest.mark.django_db
def test_r5_an_oia_item_page_without_the_acts_fields_does_not_count(home_page, site, unit):
    """Issue 19: an item page saying only "ข้อมูลตามมาตรา 9(6)" counted as present before."""
    catalogue = Catalogue.objects.get(slug="oia-2540")
    corner = add_page(home_page, m.OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oia")
    page = add_page(
        corner,
        m.OIAItemPage,
        title="สัญญาสัมปทาน",
        slug="s9-6",
        oia_item="9(6)",
        details=oia_details("9(6)"),
        **metadata(unit),
    )
    by_code = {r.item.code: r for r in catalogue_completeness(catalogue, site).results}
    assert by_code["9(6)"].status == Status.MET
    # A live page whose contract lost its party (an old page, or saved around the form).
    details = oia_details("9(6)")
    details[0]["value"]["party"] = ""
    m.OIAItemPage.objects.filter(pk=page.pk).update(details=details)
    by_code = {r.item.code: r for r in catalogue_completeness(catalogue, site).results}
    assert by_code["9(6)"].status == Status.MISSING and by_code["9(6)"].evidence == []
    # The dashboard says why the page does not count.
    assert "ยังไม่ได้กรอก: คู่สัญญา" in by_code["9(6)"].reason
