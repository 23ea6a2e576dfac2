"""The shared XLSX writer: formula injection guard and reproducible bytes."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from prongsai.core.tabular import looks_like_formula, safe_sheet_title, workbook_bytes


@pytest.mark.parametrize("text", ["=1+1", "+66 2 123", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"])
def test_cells_that_start_like_a_formula_are_written_as_text(text):
    book = load_workbook(io.BytesIO(workbook_bytes([("ชีต", ["ค่า"], [[text], [5]])])))
    cell = book["ชีต"]["A2"]
    assert looks_like_formula(text)
    assert cell.value == text  # exactly what was typed, no quote added
    assert cell.data_type == "s"
    assert book["ชีต"]["A3"].value == 5 and book["ชีต"]["A3"].data_type == "n"


def test_without_the_guard_openpyxl_would_store_a_formula():
    from openpyxl import Workbook

    sheet = Workbook().active
    sheet["A1"] = "=1+1"
    assert sheet["A1"].data_type == "f"  # why the guard exists


def test_fixed_time_gives_the_same_bytes_on_another_day():
    import time_machine

    moment = dt.datetime(2027, 4, 20, 7, 30)
    sheets = [("สรุป", ["รายการ", "จำนวน"], [["คำขอ", 3]])]
    with time_machine.travel(dt.datetime(2027, 5, 1, tzinfo=dt.UTC), tick=False):
        first = workbook_bytes(sheets, created=moment)
    with time_machine.travel(dt.datetime(2028, 1, 9, tzinfo=dt.UTC), tick=False):
        assert workbook_bytes(sheets, created=moment) == first


def test_sheet_titles_follow_excels_rules():
    used = set()
    assert safe_sheet_title("ก/ข:ค", used) == "ก-ข-ค"
    long = "ความครบถ้วนตามรายการตรวจ ณ สิ้นรอบ"
    first, second = safe_sheet_title(long, used), safe_sheet_title(long, used)
    assert len(first) <= 31 and len(second) <= 31 and first != second


@pytest.mark.parametrize("text", ["=1+1", "+66 2 123", "-2+3", "@SUM(A1)"])
def test_r43_csv_cells_that_start_like_a_formula_are_marked_as_text(text):
    import csv

    from prongsai.core.tabular import csv_bytes

    body = csv_bytes(["ค่า"], [[text], [5], ["ปกติ"]])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["ค่า"], ["'" + text], ["5"], ["ปกติ"]]


def test_r43_every_export_writes_through_the_shared_writer():
    """An export that built its own workbook or CSV would skip the formula guard."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    writers = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        test_code = "tests" in path.relative_to(root).parts
        if test_code or relative.endswith("demo.py") or relative == "core/tabular.py":
            continue
        # The search corpus builds sample files to index; they are never given to a reader.
        if relative.startswith("search/corpus/"):
            continue
        text = path.read_text(encoding="utf-8")
        if (
            "from openpyxl import Workbook" in text
            or "csv.writer" in text
            or "csv.DictWriter" in text
        ):
            writers.append(relative)
    assert writers == []
