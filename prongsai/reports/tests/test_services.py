"""R35, R43: the report's state changes, their refusals, audit entries and e-mails."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from prongsai.compliance.models import CatalogueItem, EvidenceLink
from prongsai.compliance.selectors import catalogue_completeness
from prongsai.publishing.models import PublishRequest
from prongsai.reports import services
from prongsai.reports.jobs import open_due_reports
from prongsai.reports.models import Report, ReportingSettings, ReportStatus
from prongsai.reports.periods import Period

from .conftest import at

pytestmark = pytest.mark.django_db
R6 = Period(2026, "r6")


def actions(report) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(content_type__app_label="reports", object_id=str(report.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def snapshot_of(report) -> dict:
    report.refresh_from_db()
    return {f.name: getattr(report, f.name) for f in Report._meta.fields}


@pytest.fixture
def draft(site, people, django_capture_on_commit_callbacks):
    with (
        time_machine.travel(at(2026, 4, 1, 7, 10), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        return services.open_report(site=site, period=R6)


def write(report, people, text="ผลการดำเนินงานครบถ้วน"):
    return services.save_written(people["webmaster"], report, data={"results": text})


def test_r35_job_opens_the_draft_when_the_period_ends_and_tells_webmasters(
    site, people, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(2026, 3, 31, 23, 0), tick=False):
        # The last ended rounds are those of FY2568 (6 and 12 months): not yet FY2569's.
        assert open_due_reports()["opened"] == 2
        assert not Report.objects.filter(period_end=dt.date(2026, 3, 31)).exists()
    mail.outbox.clear()
    with time_machine.travel(at(2026, 4, 1, 7, 10), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert open_due_reports() == {"opened": 1}
        assert open_due_reports() == {"opened": 0}  # once per period
    report = Report.objects.get(period_start=dt.date(2025, 10, 1), period_end=dt.date(2026, 3, 31))
    assert report.status == ReportStatus.DRAFT
    assert report.label == "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569"
    assert report.due_date == dt.date(2026, 4, 30)  # 30 days after the period, from the setting
    assert actions(report) == ["prongsai.report.opened"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {people["webmaster"].email, people["webmaster2"].email}
    assert "30 เมษายน 2569" in message.body
    assert "http://testserver/admin/reports/periodic/" in message.body


def test_r35_refuses_a_period_not_ended_and_a_second_report(site, people, draft):
    with time_machine.travel(at(2026, 12, 3, 9), tick=False):
        with pytest.raises(ValidationError) as error:
            services.open_report(site=site, period=Period(2027, "r6"), user=people["webmaster"])
        assert "ยังไม่สิ้นสุด" in error.value.messages[0]
        with pytest.raises(ValidationError) as error:
            services.open_report(site=site, period=R6, user=people["webmaster"])
        assert "มีรายงานรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569 อยู่แล้ว" in error.value.messages[0]
    assert Report.objects.count() == 1


def test_r35_walk_write_submit_return_resubmit_approve(
    site, people, draft, django_capture_on_commit_callbacks
):
    write(draft, people)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(people["webmaster"], draft)
    assert mail.outbox[-1].to == [people["supervisor"].email]
    with pytest.raises(ValidationError):  # empty reason
        services.return_report(people["supervisor"], draft, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.return_report(people["supervisor"], draft, reason="เพิ่มข้อเสนอแนะเรื่องงบประมาณ")
    draft.refresh_from_db()
    assert draft.status == ReportStatus.RETURNED
    assert "เพิ่มข้อเสนอแนะเรื่องงบประมาณ" in mail.outbox[-1].body
    services.save_written(people["webmaster"], draft, data={"suggestions": "ขอเพิ่มงบประมาณ"})
    services.submit_report(people["webmaster"], draft)
    mail.outbox.clear()
    with (
        time_machine.travel(at(2026, 4, 20, 14), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.approve_report(people["supervisor"], draft)
    draft.refresh_from_db()
    assert draft.status == ReportStatus.APPROVED
    assert draft.snapshot["period"]["label"] == "รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569"
    assert draft.delivered_at is not None
    executive_mail = next(m for m in mail.outbox if people["executive"].email in m.to)
    assert executive_mail.attachments[0][0].endswith(".pdf")
    assert executive_mail.attachments[0][1][:5] == b"%PDF-"
    assert actions(draft) == [
        "prongsai.report.opened",
        "prongsai.report.edited",
        "prongsai.report.submitted",
        "prongsai.report.returned",
        "prongsai.report.edited",
        "prongsai.report.submitted",
        "prongsai.report.approved",
    ]


def test_r35_refuses_approving_ones_own_report_and_changes_nothing(site, people, draft):
    policy = ReportingSettings.for_site(site)
    policy.supervisor = people["webmaster"]
    policy.save()
    write(draft, people)
    services.submit_report(people["webmaster"], draft)
    before = snapshot_of(draft)
    with pytest.raises(ValidationError) as error:
        services.approve_report(people["webmaster"], draft)
    assert error.value.messages == ["ท่านเป็นผู้เสนอรายงานนี้เอง จึงอนุมัติหรือส่งกลับรายงานของตนเองไม่ได้"]
    assert snapshot_of(draft) == before


def test_r35_only_the_supervisor_decides(site, people, draft):
    write(draft, people)
    services.submit_report(people["webmaster"], draft)
    before = snapshot_of(draft)
    for person in ("webmaster2", "outsider", "executive"):
        with pytest.raises(ValidationError):
            services.approve_report(people[person], draft)
    assert snapshot_of(draft) == before


def test_r35_an_approved_report_is_frozen_and_cannot_be_edited(history, site, people, draft):
    write(draft, people)
    services.submit_report(people["webmaster"], draft)
    with time_machine.travel(at(2026, 4, 20, 14), tick=False):
        services.approve_report(people["supervisor"], draft)
    before = snapshot_of(draft)
    with pytest.raises(ValidationError) as error:
        services.save_written(people["webmaster"], draft, data={"results": "แก้ภายหลัง"})
    assert "อนุมัติแล้ว จึงแก้ไขไม่ได้" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.submit_report(people["webmaster"], draft)
    assert snapshot_of(draft) == before
    # Records change later: the approved figures do not.
    PublishRequest.objects.all().delete()
    from prongsai.reports.selectors import figures_for

    draft.refresh_from_db()
    assert figures_for(draft)["requests"]["submitted"] == 3
    assert figures_for(draft) == before["snapshot"]


def test_r35_submit_needs_the_results_text(site, people, draft):
    with pytest.raises(ValidationError) as error:
        services.submit_report(people["webmaster"], draft)
    assert error.value.messages == ["กรุณาเขียนผลการดำเนินงานก่อนเสนอรายงาน"]
    draft.refresh_from_db()
    assert draft.status == ReportStatus.DRAFT


def test_r35_text_pasted_from_word_is_cleaned(site, people, draft):
    pasted = "ผล\u200bการ\u00a0ดำเนินงาน\r\n\u2003ข้อ 1\ufeff\t\tเสร็จ\u00ad\r\n\r\n\r\n\r\nข้อ 2"
    write(draft, people, pasted)
    draft.refresh_from_db()
    assert draft.results == "ผลการ ดำเนินงาน\nข้อ 1 เสร็จ\n\nข้อ 2"


def test_r35_publish_to_the_public_site_is_found_as_ita_evidence(history, site, people, draft):
    from prongsai.sitepages import models as m
    from prongsai.sitepages.tests.factories import add_page

    knowledge = add_page(site.root_page, m.KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
    item = CatalogueItem.objects.create(
        catalogue=history["catalogue"],
        code="T3",
        title_th="รายงานการกำกับติดตามรอบ 6 เดือน",
        rule={"keywords": ["ไม่มีเนื้อหาใดตรงคำนี้"]},
    )
    policy = ReportingSettings.for_site(site)
    policy.publish_parent = knowledge
    policy.evidence_item = item
    policy.owner_unit = people["unit"]
    policy.save()
    write(draft, people)
    services.submit_report(people["webmaster"], draft)
    with time_machine.travel(at(2026, 4, 20, 14), tick=False):
        services.approve_report(people["supervisor"], draft)
        with pytest.raises(ValidationError):
            services.publish_report(people["outsider"], draft)
        services.publish_report(people["webmaster"], draft)
        with pytest.raises(ValidationError) as error:
            services.publish_report(people["webmaster"], draft)
        assert error.value.messages == ["รายงานนี้เผยแพร่บนเว็บไซต์แล้ว"]
    draft.refresh_from_db()
    page = draft.published_page.specific
    assert page.live and page.title == "รายงานผลการดำเนินงานรอบ 6 เดือน ปีงบประมาณ พ.ศ. 2569"
    assert page.owner_unit == people["unit"]
    document = page.attachments[0].value
    assert document.file.read()[:5] == b"%PDF-"
    assert EvidenceLink.objects.filter(item=item, page=page).exists()
    result = next(
        r
        for r in catalogue_completeness(history["catalogue"], site).results
        if r.item.pk == item.pk
    )
    assert result.status == "met"
    assert actions(draft)[-1] == "prongsai.report.published"
