"""The coordinator's list of member agencies reads in Thai (ADR 0335): the "uses Prongsai"
column said True / False."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_member_agency_list_says_in_thai_whether_the_agency_runs_prongsai(
    client, coordinator, agencies
):
    agencies["a"].runs_prongsai = True
    agencies["a"].save()
    client.force_login(coordinator)
    response = client.get("/admin/province-agencies/")
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    last_cell = {
        agency.name: next(
            row.select("td")[-1].get_text(strip=True) for row in rows if agency.name in row.text
        )
        for agency in agencies.values()
    }
    assert last_cell[agencies["a"].name] == "ใช้"
    assert last_cell[agencies["c"].name] == "ไม่ใช้"
    assert "True" not in response.content.decode() and "False" not in response.content.decode()
