"""R10: the public satisfaction survey and its results."""

import datetime as dt

import pytest
import time_machine
from openpyxl import load_workbook

from prongsai.feedback.models import SurveyAnswer, SurveyResponse
from prongsai.feedback.selectors import current_fiscal_year_satisfaction

NOW = dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC)


def _post(client, items, scores, ip="203.0.113.10", **extra):
    data = {f"q{item.pk}": score for item, score in zip(items, scores, strict=True)}
    data.update(extra)
    return client.post("/survey/", data, REMOTE_ADDR=ip)


@time_machine.travel(NOW)
def test_r10_survey_answer_is_stored_and_shown_in_fiscal_year_level(
    client, home_page, survey_items, respondent_group
):
    response = _post(
        client,
        survey_items,
        [5, 4, 4, 3, 4],
        respondent_group=respondent_group.pk,
        comment="อ่านง่ายดีครับ",
    )
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.respondent_group == respondent_group
    assert sorted(stored.answers.values_list("score", flat=True)) == [3, 4, 4, 4, 5]
    summary = current_fiscal_year_satisfaction()
    assert summary["label"] == "ปีงบประมาณ พ.ศ. 2570"
    assert summary["average"] == 4.0 and summary["percent"] == 80.0
    page = client.get("/survey/thanks/").content.decode()
    assert "4.00" in page and "ร้อยละ 80.0" in page


def test_r10_fiscal_year_level_excludes_last_fiscal_year(db, survey_items):
    with time_machine.travel(dt.datetime(2026, 9, 30, 10, 0, tzinfo=dt.UTC)):
        from prongsai.feedback.services import submit_survey

        submit_survey(scores=dict.fromkeys(survey_items, 1))
    with time_machine.travel(NOW):
        submit_survey(scores=dict.fromkeys(survey_items, 5))
        assert current_fiscal_year_satisfaction()["average"] == 5.0


@pytest.mark.parametrize("bad", ["0", "6", "-1", "ห้า", ""])
def test_r10_score_outside_1_to_5_is_refused_in_thai_and_nothing_stored(
    client, home_page, survey_items, bad
):
    response = _post(client, survey_items, [bad, 4, 4, 4, 4])
    assert response.status_code == 400
    html = response.content.decode()
    assert "ระดับความพึงพอใจ" in html and ("1 ถึง 5" in html or "1–5" in html)
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()


def test_r10_html_in_survey_comment_is_refused_and_nothing_stored(client, home_page, survey_items):
    response = _post(client, survey_items, [5] * 5, comment="<script>alert(1)</script>")
    assert response.status_code == 400
    assert "ไม่อนุญาตให้ใส่โค้ด HTML" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_r10_questions_come_from_editable_records(client, home_page, survey_items):
    survey_items[0].text = "ข้อคำถามที่ผู้ดูแลแก้ไขเอง"
    survey_items[0].save()
    survey_items[1].is_active = False
    survey_items[1].save()
    html = client.get("/survey/").content.decode()
    assert "ข้อคำถามที่ผู้ดูแลแก้ไขเอง" in html and survey_items[1].text not in html


@time_machine.travel(NOW)
def test_r10_staff_survey_report_by_period_and_xlsx_export(staff_client, survey_items):
    from prongsai.feedback.services import submit_survey

    submit_survey(scores=dict.fromkeys(survey_items, 4), comment="ดีมาก")
    page = staff_client.get("/admin/feedback/survey/?start=2026-11-01&end=2026-11-30")
    assert page.status_code == 200 and "4.00" in page.content.decode()
    export = staff_client.get("/admin/feedback/survey/?start=2026-11-01&end=2026-11-30&format=xlsx")
    book = load_workbook(__import__("io").BytesIO(export.content))
    rows = list(book["คำตอบรายบุคคล"].values)
    assert rows[1][2:7] == (4, 4, 4, 4, 4) and rows[1][-1] == "ดีมาก"


def test_r10_survey_report_is_for_staff_roles_only(client, db):
    from prongsai.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/feedback/survey/").status_code in (302, 403)


@time_machine.travel(NOW)
def test_r43_survey_export_writes_a_comment_that_starts_like_a_formula_as_text(
    staff_client, survey_items
):
    from prongsai.feedback.services import submit_survey

    comments = ['=HYPERLINK("http://evil")', "+1+2", "-3", "@SUM(A1)"]
    for comment in comments:
        submit_survey(scores=dict.fromkeys(survey_items, 4), comment=comment)
    export = staff_client.get("/admin/feedback/survey/?start=2026-11-01&end=2026-11-30&format=xlsx")
    sheet = load_workbook(__import__("io").BytesIO(export.content))["คำตอบรายบุคคล"]
    cells = [row[-1] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == sorted(comments)
    assert all(cell.data_type == "s" for cell in cells)
