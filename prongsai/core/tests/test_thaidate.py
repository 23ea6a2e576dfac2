import datetime as dt
import zoneinfo

from prongsai.core import thaidate

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


def test_thai_date_uses_buddhist_era_and_thai_month():
    assert thaidate.thai_date(dt.date(2026, 11, 21)) == "21 พฤศจิกายน 2569"
    assert thaidate.thai_date(dt.date(2026, 11, 21), short=True) == "21 พ.ย. 2569"


def test_thai_date_of_aware_datetime_is_the_bangkok_calendar_day():
    late_utc = dt.datetime(2026, 11, 20, 18, 30, tzinfo=dt.UTC)  # 01:30 on the 21st in Bangkok
    assert thaidate.thai_date(late_utc) == "21 พฤศจิกายน 2569"


def test_fiscal_year_starts_on_first_of_october():
    assert thaidate.fiscal_year(dt.date(2026, 9, 30)) == 2026
    assert thaidate.fiscal_year(dt.date(2026, 10, 1)) == 2027
    assert thaidate.fiscal_year(dt.datetime(2026, 10, 1, 0, 5, tzinfo=BANGKOK)) == 2027
    assert thaidate.fiscal_year_bounds(2027) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))
    assert thaidate.fiscal_year_label(2027) == "ปีงบประมาณ พ.ศ. 2570"


def test_thai_and_arabic_digits_convert_both_ways():
    assert thaidate.thai_digits("2569") == "๒๕๖๙"
    assert thaidate.arabic_digits("๒๕๖๙") == "2569"
