"""R34: each item's status on a small site whose answer is known, around the 1 October boundary.

ITA lists check the fiscal year of their assessment year; lists without a year (GWS, OIA) check
the fiscal year containing the day (ADR 0036).
"""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from prongsai.compliance.models import CatalogueItem
from prongsai.compliance.selectors import Status, catalogue_completeness
from prongsai.compliance.services import link_evidence, mark_not_applicable
from prongsai.sitepages import models as m
from prongsai.sitepages.tests.factories import add_page, metadata

from .conftest import stored

LAST_DAY_FY2569 = dt.datetime(2026, 9, 30, 16, 0, tzinfo=dt.UTC)  # 23:00 in Bangkok
FIRST_DAY_FY2570 = dt.datetime(2026, 9, 30, 17, 30, tzinfo=dt.UTC)  # 00:30 on 1 Oct in Bangkok

MET_ON_THE_LAST_DAY = {
    "A1": Status.MET,
    "A2": Status.MET,
    "A3": Status.MET,
    "A4": Status.MET,
    "A5": Status.MISSING,
    "A6": Status.MISSING,
    "A7": Status.MISSING,
    "A8": Status.MET,
}


def statuses(report):
    return {result.item.code: result.status for result in report.results}


def result_for(report, code):
    return next(result for result in report.results if result.item.code == code)


@pytest.mark.django_db
def test_r34_every_item_status_on_the_last_day_of_the_fiscal_year(
    small_catalogue, small_site, site
):
    with time_machine.travel(LAST_DAY_FY2569, tick=False):
        report = catalogue_completeness(small_catalogue, site, timezone.localdate())
    assert report.today == dt.date(2026, 9, 30)
    assert report.fiscal_year_be == 2569
    assert report.fiscal_year_state == "current"
    assert statuses(report) == MET_ON_THE_LAST_DAY
    assert result_for(report, "A5").reason == "พบหลักฐานเพียง 1 จาก 2 รายการที่กำหนด"
    assert result_for(report, "A2").evidence[0].url == "/news/september-news/"
    assert report.score == 62.5


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [FIRST_DAY_FY2570, dt.datetime(2026, 11, 21, 3, 0, tzinfo=dt.UTC)],
    ids=["1-october-2569", "november-2569"],
)
def test_r34_ita_2569_still_asks_for_fiscal_year_2569_evidence_after_1_october(
    small_catalogue, small_site, site, moment
):
    """ITA 2569 assesses FY2569 (1 Oct 2568 – 30 Sep 2569): crossing into FY2570 changes nothing."""
    with time_machine.travel(moment, tick=False):
        report = catalogue_completeness(small_catalogue, site, timezone.localdate())
    assert report.fiscal_year_be == 2569
    assert report.fiscal_year_state == "past"
    assert statuses(report) == MET_ON_THE_LAST_DAY
    assert "ข้อมูลปีงบประมาณ พ.ศ. 2569" in result_for(report, "A2").reason
    assert "1 ต.ค. 2568 – 31 มี.ค. 2569" in result_for(report, "A4").reason


@pytest.mark.django_db
def test_r34_ita_2569_does_not_take_fiscal_year_2570_news_as_current(
    small_catalogue, small_site, site, unit
):
    small_site["news"].get_children().get(slug="september-news").specific.unpublish()
    add_page(
        small_site["news"],
        m.NewsPage,
        title="ข่าวเปิดปีงบประมาณ 2570",
        slug="october-news",
        news_kind="general",
        **metadata(unit, info_period_start=dt.date(2026, 10, 5)),
    )
    report = catalogue_completeness(small_catalogue, site, dt.date(2026, 11, 21))
    news = result_for(report, "A2")
    assert news.status == Status.OUTDATED
    assert news.reason == (
        "มีหลักฐานแต่ไม่ตรงช่วงเวลา: ต้องเป็นข้อมูลปีงบประมาณ พ.ศ. 2569 พบเพียงปีงบประมาณ พ.ศ. 2570"
    )


@pytest.mark.django_db
def test_r34_next_years_ita_list_asks_for_its_own_fiscal_year(small_site, site, unit):
    """ITA 2570: current = FY2570, previous = FY2569, first half = 1 Oct 2569 – 31 Mar 2570."""
    from .conftest import catalogue_for_year

    catalogue = catalogue_for_year(2570)
    before = catalogue_completeness(catalogue, site, dt.date(2026, 9, 30))
    assert before.fiscal_year_be == 2570 and before.fiscal_year_state == "future"
    assert before.fiscal_year_note
    add_page(
        small_site["news"],
        m.NewsPage,
        title="ข่าวเดือนตุลาคม 2569",
        slug="october-news",
        news_kind="general",
        **metadata(unit, info_period_start=dt.date(2026, 10, 2)),
    )
    report = catalogue_completeness(catalogue, site, dt.date(2026, 11, 21))
    assert report.fiscal_year_be == 2570 and report.fiscal_year_state == "current"
    assert report.fiscal_year_note == ""
    assert statuses(report) == {
        **MET_ON_THE_LAST_DAY,
        "A3": Status.OUTDATED,  # the annual report is FY2568's; FY2569's is due
        "A4": Status.OUTDATED,  # complaint statistics of FY2569's first half
    }
    assert [e.title for e in result_for(report, "A2").evidence] == ["ข่าวเดือนตุลาคม 2569"]
    assert "ข้อมูลปีงบประมาณ พ.ศ. 2569" in result_for(report, "A3").reason
    assert "1 ต.ค. 2569 – 31 มี.ค. 2570" in result_for(report, "A4").reason


@pytest.mark.django_db
def test_r34_yearless_catalogue_items_become_outdated_on_1_october(
    yearless_catalogue, small_site, site
):
    """GWS and OIA lists have no assessment year: they follow the fiscal year of the day."""
    with time_machine.travel(LAST_DAY_FY2569, tick=False):
        last_day = catalogue_completeness(yearless_catalogue, site, timezone.localdate())
    assert last_day.fiscal_year_be == 2569
    assert statuses(last_day) == MET_ON_THE_LAST_DAY
    with time_machine.travel(FIRST_DAY_FY2570, tick=False):
        report = catalogue_completeness(yearless_catalogue, site, timezone.localdate())
    assert report.today == dt.date(2026, 10, 1)
    assert report.fiscal_year_be == 2570
    assert report.fiscal_year_state == "current"
    assert statuses(report) == {
        **MET_ON_THE_LAST_DAY,
        "A2": Status.OUTDATED,
        "A3": Status.OUTDATED,
        "A4": Status.OUTDATED,
    }
    news = result_for(report, "A2")
    assert "ข้อมูลปีงบประมาณ พ.ศ. 2570" in news.reason
    assert "ปีงบประมาณ พ.ศ. 2569" in news.reason
    assert [e.title for e in news.other] == ["ข่าวกิจกรรมเดือนกันยายน 2569"]
    assert "ข้อมูลปีงบประมาณ พ.ศ. 2569" in result_for(report, "A3").reason


@pytest.mark.django_db
def test_r34_new_content_of_the_new_fiscal_year_makes_yearless_items_met_again(
    yearless_catalogue, small_site, site, unit
):
    add_page(
        small_site["news"],
        m.NewsPage,
        title="ข่าวเปิดปีงบประมาณใหม่",
        slug="october-news",
        news_kind="general",
        **metadata(unit, info_period_start=dt.date(2026, 10, 1)),
    )
    add_page(
        small_site["laws"],
        m.LawPage,
        title="พระราชบัญญัติการสาธารณสุข พ.ศ. 2535",
        slug="health-act",
        law_kind="act",
        **metadata(unit, info_period_start=dt.date(1992, 4, 5)),
    )
    with time_machine.travel(FIRST_DAY_FY2570, tick=False):
        report = catalogue_completeness(yearless_catalogue, site, timezone.localdate())
    assert statuses(report)["A2"] == Status.MET
    assert statuses(report)["A5"] == Status.MET


@pytest.mark.django_db
def test_r34_not_applicable_with_reason_is_left_out_of_the_score(small_catalogue, small_site, site):
    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A7")
    mark_not_applicable(user=None, item=item, site=site, reason="หน่วยงานไม่มีสัญญาสัมปทาน")
    with time_machine.travel(LAST_DAY_FY2569, tick=False):
        report = catalogue_completeness(small_catalogue, site, timezone.localdate())
    result = result_for(report, "A7")
    assert result.status == Status.NOT_APPLICABLE
    assert result.reason == "หน่วยงานไม่มีสัญญาสัมปทาน"
    assert report.applicable == 7
    assert report.score == round(100 * 5 / 7, 1)


@pytest.mark.django_db
def test_not_applicable_needs_a_reason(small_catalogue, site):
    from django.core.exceptions import ValidationError

    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A7")
    with pytest.raises(ValidationError):
        mark_not_applicable(user=None, item=item, site=site, reason="  ")


@pytest.mark.django_db
def test_r34_a_webmaster_link_satisfies_an_item_no_rule_finds(
    small_catalogue, small_site, site, unit
):
    plan = add_page(
        small_site["about"],
        m.AgencyInfoPage,
        title="แผนงานประจำปี",
        slug="plan",
        topic="other",
        **metadata(unit, info_period_start=dt.date(2026, 10, 1)),
    )
    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A6")
    link_evidence(user=None, item=item, site=site, page=plan, note="แผนรวมมาตรการป้องกันการทุจริต")
    report = catalogue_completeness(small_catalogue, site, dt.date(2026, 11, 1))
    result = result_for(report, "A6")
    assert result.status == Status.MET
    assert result.evidence[0].linked and result.evidence[0].note == "แผนรวมมาตรการป้องกันการทุจริต"


@pytest.mark.django_db
def test_r34_link_to_an_unpublished_page_is_not_evidence(small_catalogue, small_site, site, unit):
    draft = add_page(
        small_site["about"],
        m.AgencyInfoPage,
        title="ร่างแผนป้องกันการทุจริต",
        slug="draft-plan",
        publish=False,
        live=False,
        **metadata(unit),
    )
    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A6")
    link_evidence(user=None, item=item, site=site, page=draft)
    report = catalogue_completeness(small_catalogue, site, dt.date(2026, 11, 1))
    result = result_for(report, "A6")
    assert result.status == Status.MISSING
    assert "ร่างแผนป้องกันการทุจริต" in result.reason
    assert "ยังไม่เผยแพร่" in result.reason
    assert result.evidence == []


@pytest.mark.django_db
def test_r34_link_to_an_expired_page_or_document_is_shown_outdated_with_why(
    small_catalogue, small_site, site, unit
):
    expired_page = add_page(
        small_site["about"],
        m.AgencyInfoPage,
        title="แผนป้องกันการทุจริตฉบับเก่า",
        slug="old-plan",
        expire_at=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        **metadata(unit),
    )
    expired_document = m.AgencyDocument(
        title="คู่มือฉบับเก่า",
        file=stored("documents/old.pdf"),
        publish_until=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        **metadata(unit),
    )
    expired_document.save()
    item = CatalogueItem.objects.get(catalogue=small_catalogue, code="A6")
    link_evidence(user=None, item=item, site=site, page=expired_page)
    link_evidence(user=None, item=item, site=site, document=expired_document)
    with time_machine.travel(dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC), tick=False):
        report = catalogue_completeness(small_catalogue, site, timezone.localdate())
    result = result_for(report, "A6")
    assert result.status == Status.OUTDATED
    assert "หมดอายุการเผยแพร่เมื่อ 1 มิถุนายน 2569" in result.reason
    assert {e.title for e in result.other} == {"แผนป้องกันการทุจริตฉบับเก่า", "คู่มือฉบับเก่า"}


@pytest.mark.django_db
def test_r34_document_not_yet_in_its_publication_window_is_not_evidence(
    small_catalogue, site, unit
):
    future = m.AgencyDocument(
        title="แผนป้องกันการทุจริต 2570",
        file=stored("documents/plan.pdf"),
        publish_from=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
        **metadata(unit),
    )
    future.save()
    report = catalogue_completeness(small_catalogue, site, dt.date(2026, 11, 1))
    result = result_for(report, "A6")  # the keyword rule finds the document but cannot accept it
    assert result.status == Status.MISSING
    assert "ยังไม่เผยแพร่" in result.reason


@pytest.mark.django_db
def test_r34_check_runs_a_fixed_number_of_queries_whatever_the_content(
    small_catalogue, small_site, site, unit, django_assert_max_num_queries
):
    for index in range(30):
        add_page(
            small_site["news"],
            m.NewsPage,
            title=f"ข่าวที่ {index}",
            slug=f"news-{index}",
            news_kind="general",
            **metadata(unit, info_period_start=dt.date(2026, 10, 2)),
        )
    with django_assert_max_num_queries(40):
        report = catalogue_completeness(small_catalogue, site, dt.date(2026, 11, 1))
    assert statuses(report)["A2"] == Status.MET
