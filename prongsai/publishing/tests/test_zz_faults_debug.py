import pytest

from prongsai.publishing.tests.conftest import request_data  # noqa
from prongsai.publishing import services

pytestmark = pytest.mark.django_db


def test_debug(client, people, classes, home_page):
    req = services.request_submit(people["owner"], data=request_data(classes["general"]))
    client.force_login(people["approver"])
    r = client.post(f"/admin/publish-requests/{req.pk}/decide/", {"decision": "approve", "reason": ""})
    print("STATUS", r.status_code, r.get("Location"), r.cookies.get("messages"))
    r2 = client.get(f"/admin/publish-requests/{req.pk}/")
    html = r2.content.decode()
    print("DETAIL", r2.status_code, "บันทึกการอนุมัติแล้ว" in html)
    import re
    print("MSG", re.findall(r'class="[^"]*messages?[^"]*"[^>]*>(.{0,300})', html, re.S)[:2])
