"""Buddhist-era date input (issue 11 item 5, R12/R30): parse, show, refuse, and the page editor."""

import datetime as dt
import zoneinfo

import pytest
from django import forms
from wagtail.test.utils.form_data import nested_form_data, streamfield

from prongsai.core.bedate import (
    BuddhistDateField,
    BuddhistDateInput,
    BuddhistDateTimeField,
    BuddhistDateTimeInput,
    BuddhistMonthField,
    BuddhistMonthInput,
)
from prongsai.sitepages.models import AgencyDocument, NewsIndexPage, NewsPage
from prongsai.sitepages.tests.factories import add_page, metadata

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/12/2569", dt.date(2026, 12, 31)),
        ("1/1/2570", dt.date(2027, 1, 1)),
        ("๓๑/๑๒/๒๕๖๙", dt.date(2026, 12, 31)),  # Thai digits
        ("2026-12-31", dt.date(2026, 12, 31)),  # ISO, Christian era (browsers, API clients)
        ("29/02/2567", dt.date(2024, 2, 29)),
    ],
)
def test_r30_be_date_is_read_as_buddhist_era(text, expected):
    assert BuddhistDateField().clean(text) == expected


def test_r30_be_datetime_is_read_in_bangkok_time():
    value = BuddhistDateTimeField().clean("31/12/2569 23:59")
    assert value == dt.datetime(2026, 12, 31, 23, 59, tzinfo=BANGKOK)
    assert BuddhistDateTimeField().clean("31/12/2569 23.59 น.") == value
    assert BuddhistDateTimeField().clean("2026-12-31 23:59") == value


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/12/2026", "ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2569)"),
        ("31/12/3569", "ปี พ.ศ. 3569 ไม่ถูกต้อง"),
        ("31/12/1200", "ปี พ.ศ. 1200 ไม่ถูกต้อง"),
        ("2569-12-31", "ต้องเป็นปี ค.ศ."),
        ("30/02/2569", "ไม่มีวันที่นี้ในปฏิทิน"),
        ("พรุ่งนี้", "รูปแบบวันที่ไม่ถูกต้อง"),
        ("31/12/2569 25:00", "เวลาไม่ถูกต้อง"),
    ],
)
def test_r30_impossible_year_or_date_is_refused_in_thai(text, message):
    with pytest.raises(forms.ValidationError) as excinfo:
        BuddhistDateTimeField().clean(text)
    assert message in " ".join(excinfo.value.messages)


def test_r30_a_time_in_a_date_only_field_is_refused():
    with pytest.raises(forms.ValidationError):
        BuddhistDateField().clean("31/12/2569 10:00")


def test_r30_widgets_show_buddhist_era_and_round_trip():
    moment = dt.datetime(2026, 12, 31, 16, 59, tzinfo=dt.UTC)  # 23:59 in Bangkok
    shown = BuddhistDateTimeInput().format_value(moment)
    assert shown == "31/12/2569 23:59"
    assert BuddhistDateTimeField().clean(shown) == moment
    assert BuddhistDateInput().format_value(dt.date(2026, 1, 5)) == "05/01/2569"
    assert BuddhistDateField().clean("05/01/2569") == dt.date(2026, 1, 5)
    assert 'placeholder="วว/ดด/ปปปป ชช:นน"' in BuddhistDateTimeInput().render("x", moment)


@pytest.mark.parametrize(
    "text",
    [
        "10/2569",
        "1/10/2569",
        "31/10/2569",
        "ตุลาคม 2569",
        "ต.ค. 2569",
        "ตุลาคม พ.ศ. 2569",
        "๑๐/๒๕๖๙",
        "2026-10",
    ],
)
def test_r30_a_month_is_read_in_the_buddhist_era_as_its_first_day(text):
    assert BuddhistMonthField().clean(text) == dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10/2026", "ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2569)"),
        ("ตุลาคม 2026", "ปี 2026 เป็นปี ค.ศ."),
        ("October 2569", "รูปแบบเดือนไม่ถูกต้อง"),
        ("13/2569", "ไม่มีเดือนที่ 13"),
        ("2569-10", "ต้องเป็นปี ค.ศ."),
        ("เดือนหน้า", "รูปแบบเดือนไม่ถูกต้อง กรุณากรอกเดือน/ปี พ.ศ. เช่น 10/2569"),
    ],
)
def test_r30_a_christian_era_or_impossible_month_is_refused_in_thai(text, message):
    with pytest.raises(forms.ValidationError) as excinfo:
        BuddhistMonthField().clean(text)
    assert message in " ".join(excinfo.value.messages)


def test_r30_month_widget_shows_the_buddhist_era_and_round_trips():
    shown = BuddhistMonthInput().format_value(dt.date(2026, 10, 1))
    assert shown == "10/2569"
    assert BuddhistMonthField().clean(shown) == dt.date(2026, 10, 1)
    assert 'placeholder="ดด/ปปปป"' in BuddhistMonthInput().render("m", None)


def test_r30_wagtail_admin_forms_use_be_fields_for_every_model_date(db):
    """Registered as Wagtail's form field override: documents, pages, snippets get it as is."""
    from wagtail.documents.forms import get_document_form

    form = get_document_form(AgencyDocument)()  # its own callback
    for name in ("publish_from", "publish_until"):
        assert isinstance(form.fields[name], BuddhistDateTimeField), name
    for name in ("info_period_start", "published_date"):
        assert isinstance(form.fields[name], BuddhistDateField), name


def _edit_data(page, **dates):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "news_kind": "general",
            "body": streamfield([]),
            "attachments": streamfield([]),
            "gallery": streamfield([]),
            "owner_unit": page.owner_unit_id,
            "source": page.source,
            "info_period_start": "01/10/2569",
            "published_date": "01/11/2569",
            **dates,
        }
    )


@pytest.fixture
def news(home_page, unit):
    index = add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    return add_page(index, NewsPage, title="ประกาศรับสมัคร", slug="jobs", **metadata(unit))


def test_r30_page_editor_stores_be_expiry_as_that_day_and_shows_it_in_be(client, news, superuser):
    """Issue 11 item 5: 31/12/2569 23:59 was stored as 2569 CE, so the page never expired."""
    client.force_login(superuser)
    edit_url = f"/admin/pages/{news.pk}/edit/"
    response = client.post(edit_url, _edit_data(news, expire_at="31/12/2569 23:59"))
    assert response.status_code == 302, response.context["form"].errors
    revision = NewsPage.objects.get(pk=news.pk).latest_revision.as_object()
    assert revision.expire_at == dt.datetime(2026, 12, 31, 23, 59, tzinfo=BANGKOK)
    assert revision.info_period_start == dt.date(2026, 10, 1)

    body = client.get(edit_url).content.decode()
    assert 'value="31/12/2569 23:59"' in body
    assert "31 ธันวาคม 2569 23:59 น." in body  # the status panel, in the Buddhist era
    assert "31 ธันวาคม 2026" not in body


def test_r30_page_editor_refuses_a_ce_year_and_saves_nothing(client, news, superuser):
    client.force_login(superuser)
    response = client.post(
        f"/admin/pages/{news.pk}/edit/", _edit_data(news, expire_at="31/12/2026 23:59")
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["expire_at"])
    assert "ปี 2026 เป็นปี ค.ศ. กรุณากรอกปี พ.ศ." in errors
    page = NewsPage.objects.get(pk=news.pk)
    assert page.expire_at is None
    assert page.latest_revision.as_object().expire_at is None
