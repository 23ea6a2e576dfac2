"""Pages created from requests: readable Thai addresses that Wagtail serves (R21)."""

from urllib.parse import unquote

import pytest
from django.urls import reverse

from prongsai.publishing import services

from .conftest import request_data

pytestmark = pytest.mark.django_db


def test_created_page_keeps_thai_vowel_and_tone_marks_in_its_address_and_is_served(
    client, people, classes, news_index
):
    request = services.request_submit(
        people["owner"], data=request_data(classes["general"], title="ข่าวประชาสัมพันธ์ น้ำท่วม")
    )
    request = services.request_approve(people["approver"], request)
    request = services.request_publish(
        people["publisher"], request, files_checked=True, category_checked=True
    )
    page = request.target_page
    assert page.slug == f"ข่าวประชาสัมพันธ์-น้ำท่วม-{request.pk}"
    assert unquote(request.public_url).endswith(f"/news/ข่าวประชาสัมพันธ์-น้ำท่วม-{request.pk}/")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "ข่าวประชาสัมพันธ์ น้ำท่วม" in response.content.decode()


def test_thai_serve_pattern_does_not_take_over_latin_urls(client, news_index):
    assert reverse("wagtail_serve", args=("news/",)) == "/news/"
    assert client.get("/news/").status_code == 200
    assert client.get("/admin/login/").status_code == 200
