"""People and configuration for publishing tests. Groups are created by Role value directly."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.publishing.models import ApprovalRoute, InformationClass, RouteKind, RouteStep
from prongsai.sitepages import models as site
from prongsai.sitepages.tests.factories import add_page


@pytest.fixture
def people(db):
    unit = UnitFactory(code="disease", name="กลุ่มงานควบคุมโรคติดต่อ")
    pr_unit = UnitFactory(code="pr", name="งานประชาสัมพันธ์")

    def person(username, first, last, position, role, person_unit=unit):
        user = UserFactory(
            username=username, first_name=first, last_name=last, position=position, unit=person_unit
        )
        return give_role(user, role)

    return {
        "unit": unit,
        "pr_unit": pr_unit,
        "owner": person("owner", "สมศรี", "ใจดี", "นักวิชาการสาธารณสุขชำนาญการ", Role.DATA_OWNER),
        "other_owner": person("owner2", "สมปอง", "รักงาน", "เจ้าพนักงาน", Role.DATA_OWNER),
        "approver": person("approver", "ประเสริฐ", "มั่นคง", "หัวหน้ากลุ่มงาน", Role.APPROVER),
        "executive": person("boss", "วิชัย", "ผู้นำ", "นายแพทย์สาธารณสุขจังหวัด", Role.EXECUTIVE),
        "pr_checker": person("prcheck", "อรุณี", "แจ่มใส", "นักประชาสัมพันธ์", Role.APPROVER, pr_unit),
        "publisher": person("publisher", "ธนา", "เผยแพร่", "นักวิชาการคอมพิวเตอร์", Role.PUBLISHER),
        "webmaster": person(
            "webmaster", "กมล", "ดูแลเว็บ", "นักวิชาการคอมพิวเตอร์ชำนาญการ", Role.WEBMASTER
        ),
    }


@pytest.fixture
def classes(people):
    def route(name, kind, steps=()):
        r = ApprovalRoute.objects.create(name=name, kind=kind)
        for order, (step_name, role, unit) in enumerate(steps):
            RouteStep.objects.create(
                route=r,
                sort_order=order,
                name=step_name,
                approver_role=role.value,
                approver_unit=unit,
            )
        return r

    general = route(
        "ข้อมูลทั่วไป",
        RouteKind.COMMUNICATIONS,
        [("หัวหน้ากลุ่มงานเห็นชอบ", Role.APPROVER, people["unit"])],
    )
    executive = route(
        "ผู้บริหารอนุมัติ",
        RouteKind.EXECUTIVE,
        [
            ("หัวหน้ากลุ่มงานกลั่นกรอง", Role.APPROVER, people["unit"]),
            ("ผู้บริหารสูงสุดอนุมัติ", Role.EXECUTIVE, None),
        ],
    )
    prior = route("อนุมัติแล้วจากที่อื่น", RouteKind.PRIOR_APPROVAL)
    exempt = route("งานประจำ", RouteKind.EXEMPT)
    return {
        "general": InformationClass.objects.create(code="general", name="ข่าวทั่วไป", route=general),
        "executive": InformationClass.objects.create(
            code="executive", name="ประกาศสำคัญ", route=executive
        ),
        "prior": InformationClass.objects.create(code="prior", name="มติที่ประชุม", route=prior),
        "exempt": InformationClass.objects.create(code="exempt", name="ข้อมูลประจำ", route=exempt),
    }


@pytest.fixture(autouse=True)
def news_index(request):
    # Every request now creates its draft page at submission, so the news section must exist.
    if "django_db_setup" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        return None
    home_page = request.getfixturevalue("home_page")
    return add_page(home_page, site.NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")


def request_data(information_class, **overrides):
    data = {
        "title": "ประชาสัมพันธ์การฉีดวัคซีนไข้หวัดใหญ่ ปี 2569",
        "summary": "เชิญชวนกลุ่มเสี่ยงรับวัคซีน",
        "category": "news",
        "content": "สำนักงานสาธารณสุขจังหวัดเชิญชวนประชาชนกลุ่มเสี่ยงรับวัคซีนไข้หวัดใหญ่ฟรี",
        "source": "กลุ่มงานควบคุมโรคติดต่อ",
        "info_period_start": dt.date(2026, 5, 1),
        "information_class": information_class,
    }
    data.update(overrides)
    return data


def pdf_upload(name="ประกาศ.pdf"):
    from weasyprint import HTML

    return SimpleUploadedFile(name, HTML(string="<p>ประกาศ</p>").write_pdf(), "application/pdf")


def fake_pdf_upload(name="ประกาศ.pdf"):
    return SimpleUploadedFile(name, b"MZ\x90\x00 this is really a program", "application/pdf")


def xlsx_upload(name="สถิติ.xlsx"):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["ปี", "จำนวน"])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture(autouse=True)
def _no_second_factor_in_publishing_tests(settings):
    # Two-factor sign-in is the accounts app's concern and has its own tests.
    settings.PRONGSAI_REQUIRE_2FA = False
