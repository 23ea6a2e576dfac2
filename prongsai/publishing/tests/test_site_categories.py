"""R60–R64: the staff screens list the categories the agency's policy enables, in its order and
wording (a profile's ``categories``), not the standard's eleven in the standard's order."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.admin.panels import get_edit_handler

from prongsai.policy.selectors import category_choices, enabled_categories
from prongsai.policy.testing import set_policy
from prongsai.publishing import services
from prongsai.publishing.models import InformationClass, PublishRequest

from .conftest import request_data
from .test_views import form_post

pytestmark = pytest.mark.django_db

#: As a profile states them (wording from the Satun PHO guideline, order its own).
SATUN_LIKE = [
    {"code": "news", "label": "ข่าวประชาสัมพันธ์ของสำนักงาน"},
    {"code": "agency", "label": "ข้อมูลหน่วยงาน (General Information)"},
    {"code": "links"},
]


def _options(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select[^>]*name="category"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        (value, label.strip())
        for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    ]


def test_r60_r64_policy_selector_keeps_the_agencys_order_and_wording_and_drops_unknowns():
    assert [c.code for c in enabled_categories()][:3] == ["agency", "laws", "knowledge"]
    assert len(enabled_categories()) == 11  # no list in the policy: every standard category
    set_policy(categories=[*SATUN_LIKE, {"code": "news"}, {"code": "no-such"}])
    assert category_choices() == [
        ("news", "ข่าวประชาสัมพันธ์ของสำนักงาน"),
        ("agency", "ข้อมูลหน่วยงาน (General Information)"),
        ("links", "เว็บลิงก์"),  # no agency wording: the standard's name
    ]


def test_r60_r64_request_form_offers_only_the_sites_categories_in_its_order_and_wording(
    client, people, classes
):
    set_policy(categories=SATUN_LIKE)
    client.force_login(people["owner"])
    html = client.get(reverse("publishing_admin:create")).content.decode()
    assert [option for option in _options(html) if option[0]] == [
        ("news", "ข่าวประชาสัมพันธ์ของสำนักงาน"),
        ("agency", "ข้อมูลหน่วยงาน (General Information)"),
        ("links", "เว็บลิงก์"),
    ]


def test_r60_r64_a_category_the_agency_does_not_use_is_refused_in_thai_and_nothing_is_written(
    client, people, classes
):
    set_policy(categories=SATUN_LIKE)
    client.force_login(people["owner"])
    response = client.post(
        reverse("publishing_admin:create"), form_post(classes["general"], category="laws")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["category"]
    # The service refuses it too, for any caller that is not the form.
    with pytest.raises(ValidationError) as refused:
        services.request_submit(
            people["owner"], data=request_data(classes["general"], category="laws")
        )
    assert "หน่วยงานไม่ได้ใช้หมวด “กฎหมาย ระเบียบ ข้อบังคับ”" in str(refused.value.message_dict)
    assert not PublishRequest.objects.exists()


def test_r60_r64_detail_and_export_name_the_category_in_the_agencys_wording(
    client, people, classes
):
    set_policy(categories=SATUN_LIKE)
    publish_request = services.request_submit(
        people["owner"], data=request_data(classes["general"])
    )
    client.force_login(people["webmaster"])
    detail = client.get(reverse("publishing_admin:detail", args=[publish_request.pk]))
    assert "ข่าวประชาสัมพันธ์ของสำนักงาน" in detail.content.decode()
    export = client.get(reverse("publishing_admin:export"))
    sheet = load_workbook(BytesIO(export.content)).active
    assert "ข่าวประชาสัมพันธ์ของสำนักงาน" in [cell.value for cell in sheet[2]]


def test_r60_r64_direct_publish_categories_follow_the_policy_and_keep_one_already_chosen(classes):
    set_policy(categories=SATUN_LIKE)
    InformationClassForm = get_edit_handler(InformationClass).get_form_class()  # as the admin does
    fresh = InformationClassForm(instance=classes["exempt"])
    choices = fresh.fields["direct_publish_categories"].choices
    assert [code for code, _label in choices] == ["news", "agency", "links"]
    classes["exempt"].direct_publish_categories = ["statistics"]
    kept = InformationClassForm(instance=classes["exempt"])
    assert ("statistics", "สถิติการเข้าใช้บริการเว็บไซต์") in kept.fields[
        "direct_publish_categories"
    ].choices
