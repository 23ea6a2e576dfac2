"""The profile file: every shipped profile is valid; bad input names file, line and column."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from prongsai.accounts.models import Unit, User
from prongsai.profiles.files import resolve, shipped
from prongsai.profiles.yamlfile import ProfileInvalid, parse_profile, read_profile

MINIMAL = """\
profile: test-agency
agency:
  name_th: หน่วยงานทดสอบ
units:
  - code: office
    name: สำนักงาน
people:
  - username: somchai
    first_name: สมชาย
    unit: office
    roles: [approver]
categories:
  - code: news
information_classes:
  - code: general
    name: ข้อมูลทั่วไป
    route:
      name: หัวหน้าอนุมัติ
      kind: communications
      steps:
        - name: หัวหน้าสำนักงานอนุมัติ
          role: approver
          unit: office
policy:
  publish_deadline_working_days: 3
"""


def _errors(text: str):
    with pytest.raises(ProfileInvalid) as invalid:
        parse_profile(text, "bad.yaml")
    return invalid.value.errors


def test_the_minimal_profile_is_valid():
    assert parse_profile(MINIMAL).agency.name_th == "หน่วยงานทดสอบ"


@pytest.mark.parametrize("name", ["dcy", "satun-pho", "bang-mak", "most-ops", "phang-nga"])
def test_r60_r64_every_shipped_profile_is_valid(name):
    assert name in shipped()
    assert read_profile(resolve(name)).profile == name


def test_an_unknown_category_is_refused_with_its_line_and_column():
    [error] = _errors(MINIMAL.replace("  - code: news", "  - code: gossip"))
    assert (error.file, error.line, error.column) == ("bad.yaml", 13, 11)
    assert "ไม่มีหมวดข้อมูล “gossip”" in error.message_th
    assert "unknown category" in error.message_en


def test_a_route_step_naming_a_unit_that_does_not_exist_is_refused():
    [error] = _errors(MINIMAL.replace("          unit: office", "          unit: nowhere"))
    assert (error.line, error.column) == (23, 17)
    assert "ไม่มีหน่วยงานรหัส “nowhere”" in error.message_th and "no unit" in error.message_en


def test_a_route_step_naming_a_role_that_does_not_exist_is_refused():
    [error] = _errors(MINIMAL.replace("          role: approver", "          role: boss"))
    assert (error.line, error.column) == (22, 17)
    assert "ค่าไม่อยู่ในรายการที่ใช้ได้" in error.message_th and "Input should be" in error.message_en


def test_r60_a_step_decided_by_the_requesting_units_head_loads_without_role_or_unit():
    text = MINIMAL.replace(
        "          role: approver\n          unit: office\n", "          decided_by: unit-head\n"
    )
    [step] = parse_profile(text).information_classes[0].route.steps
    assert step.decided_by == "unit-head" and step.unit is None


def test_r60_a_unit_head_step_naming_a_unit_is_refused_at_the_unit():
    """The step's unit is always the requester's: a unit named there would be ignored."""
    text = MINIMAL.replace("          role: approver\n", "          decided_by: unit-head\n")
    [error] = _errors(text)
    assert (error.file, error.line, error.column) == ("bad.yaml", 23, 17)
    assert "decided_by: unit-head" in error.message_th and "takes no unit" in error.message_en


def test_r60_an_unknown_decided_by_is_refused_with_its_line_and_column():
    text = MINIMAL.replace("          role: approver\n", "          decided_by: director\n")
    [error] = _errors(text)
    assert (error.line, error.column) == (22, 23)
    assert "ค่าไม่อยู่ในรายการที่ใช้ได้" in error.message_th and "'unit-head'" in error.message_en


def test_a_duplicate_username_is_refused():
    text = MINIMAL.replace(
        "categories:", "  - username: somchai\n    first_name: สมชาย สอง\ncategories:"
    )
    [error] = _errors(text)
    assert (error.line, error.column) == (12, 15)
    assert "ชื่อผู้ใช้ “somchai” ซ้ำ" in error.message_th and "duplicate username" in error.message_en


@pytest.mark.parametrize("days", ["0", "-1"])
def test_a_deadline_below_one_working_day_is_refused(days):
    [error] = _errors(MINIMAL.replace("working_days: 3", f"working_days: {days}"))
    assert (error.line, error.column) == (25, 34)
    assert "ต้องมีค่าตั้งแต่ 1 ขึ้นไป" in error.message_th
    assert "greater than or equal to 1" in error.message_en


def test_r16_an_information_request_deadline_beyond_15_days_is_refused():
    assert parse_profile(MINIMAL).policy.info_request_response_days == 15  # optional key
    text = MINIMAL + "  info_request_response_days: 16\n"
    [error] = _errors(text)
    assert error.line == 26 and "ค่ามากเกินไป" in error.message_th
    assert (
        parse_profile(
            MINIMAL + "  info_request_response_days: 10\n"
        ).policy.info_request_response_days
        == 10
    )


def test_a_malformed_yaml_line_is_refused():
    [error] = _errors(MINIMAL.replace("  name_th: หน่วยงานทดสอบ", "  name_th: [หน่วยงานทดสอบ"))
    assert error.line == 4 and error.column >= 1
    assert "รูปแบบ YAML ไม่ถูกต้อง" in error.message_th and "malformed YAML" in error.message_en


def test_an_unknown_key_is_refused_at_the_key():
    [error] = _errors(
        MINIMAL.replace("    unit: office\n    roles", "    unit: office\n    rank: 3\n    roles")
    )
    assert (error.line, error.column) == (11, 5)
    assert "ไม่รู้จักคีย์ “rank”" in error.message_th and "Extra inputs" in error.message_en


def test_a_duplicate_key_is_refused():
    [error] = _errors(
        MINIMAL.replace("profile: test-agency\n", "profile: test-agency\nprofile: x\n")
    )
    assert (error.line, error.column) == (2, 1)


@pytest.mark.django_db
def test_the_command_prints_each_problem_and_writes_nothing(tmp_path: Path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("  - code: news", "  - code: gossip"), encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_profile", str(bad))
    assert f"{bad}:13:11: categories.0.code: ไม่มีหมวดข้อมูล" in capsys.readouterr().err
    assert not Unit.objects.exists() and not User.objects.exists()
    with pytest.raises(CommandError):
        call_command("validate_profile", str(bad))
