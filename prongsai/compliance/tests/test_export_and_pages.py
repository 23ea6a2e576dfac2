"""The OIT page and its XLSX/CSV export: every item, absolute URLs on the main domain (R34, R26)."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.core.models import AgencySettings


@pytest.fixture
def main_domain(site):
    settings = AgencySettings.for_site(site)
    settings.main_domain = "www.example.go.th"
    settings.save()
    return "https://www.example.go.th"


@pytest.mark.django_db
def test_r26_xlsx_export_lists_every_item_with_absolute_urls(
    client, small_catalogue, small_site, main_domain
):
    response = client.get("/oit/small-test/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [row[0] for row in rows] == [f"A{n}" for n in range(1, 9)]
    by_code = {row[0]: row for row in rows}
    assert by_code["A1"][4] == f"{main_domain}/about/structure/"
    assert by_code["A8"][4] == f"{main_domain}/search/"
    assert by_code["A6"][4] in (None, "")
    for row in rows:
        for url in (row[4] or "").splitlines():
            assert url.startswith(main_domain + "/")


@pytest.mark.django_db
def test_r26_csv_export_matches_and_opens_in_excel(
    client, small_catalogue, small_site, main_domain
):
    response = client.get("/oit/small-test/export.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][0] == "รหัสข้อ"
    assert [row[0] for row in rows[1:]] == [f"A{n}" for n in range(1, 9)]


@pytest.mark.django_db
def test_export_falls_back_to_the_site_root_url_without_a_main_domain(
    client, small_catalogue, small_site
):
    sheet = load_workbook(io.BytesIO(client.get("/oit/small-test/export.xlsx").content)).active
    urls = [row[4] for row in sheet.iter_rows(min_row=3, values_only=True) if row[4]]
    assert urls and all(url.startswith("http://localhost/") for url in urls)


@pytest.mark.django_db
def test_r34_public_oit_page_lists_items_and_links_to_evidence(client, small_catalogue, small_site):
    response = client.get("/oit/small-test/")
    assert response.status_code == 200
    html = response.content.decode()
    for code in (f"A{n}" for n in range(1, 9)):
        assert f">{code}<" in html
    assert 'href="/about/structure/"' in html
    assert "อยู่ระหว่างจัดทำหรือปรับปรุงข้อมูล" in html
    assert client.get("/oit/").status_code == 200
    assert client.get("/oit/no-such-list/").status_code == 404
    # R12 (issue 19): the OIT page says whose list it is and the fiscal year it covers (BE).
    assert "หน่วยงานเจ้าของข้อมูล" in html and "ผลการตรวจความครบถ้วนของเว็บไซต์โดยระบบ" in html
    assert "1 ตุลาคม" in html and "30 กันยายน" in html


@pytest.mark.django_db
def test_oit_page_follows_content_changes(client, small_catalogue, small_site):
    assert 'href="/about/structure/"' in client.get("/oit/small-test/").content.decode()
    small_site["about"].get_children().get(slug="structure").specific.unpublish()
    assert 'href="/about/structure/"' not in client.get("/oit/small-test/").content.decode()


@pytest.mark.django_db
def test_r34_dashboard_shows_score_by_group_to_webmasters_only(client, small_catalogue, small_site):

    webmaster = give_role(UserFactory(username="web"), Role.WEBMASTER)
    client.force_login(webmaster)
    response = client.get("/admin/compliance/small-test/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "กลุ่ม ก" in html and "กลุ่ม ค" in html and "%" in html
    assert client.get("/admin/compliance/").status_code == 200

    plain = give_role(UserFactory(username="plain"), Role.DATA_OWNER)
    client.force_login(plain)
    refused = client.get("/admin/compliance/small-test/")  # Wagtail turns 403 into a redirect
    assert refused.status_code == 302 and refused.url == "/admin/"


@pytest.mark.django_db
def test_check_completeness_command_exits_non_zero_when_items_are_missing(
    small_catalogue, small_site, capsys
):
    with pytest.raises(SystemExit) as exited:
        call_command("check_completeness", "--catalogue", "small-test", "--format", "json")
    assert exited.value.code == 1
    data = json.loads(capsys.readouterr().out)
    assert [item["code"] for item in data["items"]] == [f"A{n}" for n in range(1, 9)]
    assert data["counts"]["missing"] >= 1


@pytest.mark.django_db
def test_check_completeness_command_exits_zero_when_nothing_is_missing(small_site, capsys):
    from .conftest import load_yaml_catalogue

    load_yaml_catalogue(
        """
catalogue: {slug: only-met, scheme: gws, year: 2556, title: ครบ}
items:
  - {code: X1, title_th: โครงสร้าง, rule: {agency_topics: [structure]}}
"""
    )
    call_command("check_completeness", "--catalogue", "only-met")
    out = capsys.readouterr().out
    assert "X1" in out and "ครบถ้วน 1" in out


@pytest.mark.django_db
def test_check_completeness_command_names_an_unknown_catalogue():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ไม่พบรายการ"):
        call_command("check_completeness", "--catalogue", "ita-oit-2599")


@pytest.mark.django_db
def test_r32_r34_daily_check_lists_every_gap_and_marks_the_new_ones(
    small_catalogue, yearless_catalogue, small_site
):
    """Issue 11 item 7: a re-run listed no gaps at all (only those new since the last run)."""
    from prongsai.compliance.dailychecks import compliance_gaps as new_compliance_gaps
    from prongsai.compliance.models import Catalogue

    def gaps(findings, catalogue):
        return {
            f.summary.split("ข้อ ")[1].split()[0]
            for f in findings
            if f.summary.startswith(catalogue.title + ":")
        }

    Catalogue.objects.exclude(pk__in=[small_catalogue.pk, yearless_catalogue.pk]).update(
        is_active=False
    )
    yearless_catalogue.title = "รายการไม่ผูกปี"
    yearless_catalogue.save()
    first = new_compliance_gaps(today=dt.date(2026, 9, 30))
    assert gaps(first, small_catalogue) == gaps(first, yearless_catalogue) == {"A5", "A6", "A7"}
    assert all(f.summary.endswith("(พบใหม่)") for f in first)
    again = new_compliance_gaps(today=dt.date(2026, 9, 30))
    assert [f.detail for f in again] == [f.detail for f in first]  # a re-run hides nothing
    assert not any(f.summary.endswith("(พบใหม่)") for f in again)
    after_boundary = new_compliance_gaps(today=dt.date(2026, 10, 1))
    # The yearless list moved to FY2570; ITA 2569 still assesses FY2569 (ADR 0036).
    new_after = [f for f in after_boundary if f.summary.endswith("(พบใหม่)")]
    assert gaps(new_after, yearless_catalogue) == {"A2", "A3", "A4"}
    assert gaps(new_after, small_catalogue) == set()
    assert gaps(after_boundary, small_catalogue) == {"A5", "A6", "A7"}


@pytest.mark.django_db
def test_admins_edit_catalogues_items_links_and_decisions_in_the_wagtail_admin(
    client, superuser, small_catalogue
):
    from django.urls import reverse

    client.force_login(superuser)
    for model in ("catalogue", "catalogueitem", "evidencelink", "notapplicable"):
        assert client.get(reverse(f"wagtailsnippets_compliance_{model}:list")).status_code == 200
        assert client.get(reverse(f"wagtailsnippets_compliance_{model}:add")).status_code == 200
    item = small_catalogue.items.get(code="A1")
    edit = reverse("wagtailsnippets_compliance_catalogueitem:edit", args=(item.pk,))
    assert client.get(edit).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
def test_r43_oit_exports_write_a_title_that_starts_like_a_formula_as_text(
    client, small_catalogue, small_site, trigger
):
    title = trigger + 'HYPERLINK("http://evil")'
    item = small_catalogue.items.get(code="A1")
    item.title_th = title
    item.save()  # through save(): the edit signal forgets the cached report
    sheet = load_workbook(io.BytesIO(client.get("/oit/small-test/export.xlsx").content)).active
    cell = next(row[2] for row in sheet.iter_rows(min_row=3) if row[0].value == "A1")
    assert cell.value == title and cell.data_type == "s"
    text = client.get("/oit/small-test/export.csv").content.decode("utf-8-sig")
    row = next(row for row in csv.reader(io.StringIO(text)) if row[0] == "A1")
    assert row[2] == "'" + title
