"""Loading a profile: all or nothing, refused on a site with content, and a faithful round trip."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import ModelLogEntry

from prongsai.accounts.models import Unit, User
from prongsai.accounts.roles import Role, user_has_role
from prongsai.policy.selectors import policy_for
from prongsai.profiles.exporter import export_text
from prongsai.profiles.files import resolve
from prongsai.profiles.loader import load
from prongsai.profiles.yamlfile import parse_profile, read_profile
from prongsai.publishing.models import InformationClass
from prongsai.reports.models import ReportingSettings
from prongsai.sitepages.models import NewsIndexPage


@pytest.mark.django_db
def test_r62_bang_mak_loads_with_its_named_people_roles_and_policy(capsys):
    call_command("load_profile", "bang-mak")
    out = capsys.readouterr().out
    somrak = User.objects.get(username="somrak")
    assert somrak.get_full_name() == "นายสมรัก สายพันธ์"
    assert somrak.position == "ผู้อำนวยการกองคลัง รักษาราชการแทน ปลัดเทศบาลตำบลบางหมาก"
    assert user_has_role(somrak, Role.APPROVER)
    assert sorted(u.username for u in User.objects.filter(groups__name=Role.WEBMASTER.value)) == [
        "siriwan",
        "yupin",
    ]
    # Named people choose their own password through the link printed for them.
    assert not somrak.has_usable_password()
    assert "somrak" in out and "/admin/password_reset/" in out
    publisher = User.objects.get(username="somsornpan")
    assert Unit.objects.get(code="clerk-office").publishers.get() == publisher
    route = InformationClass.objects.get(code="certified").route
    assert route.ordered_steps()[0].delegates.get() == somrak
    policy = policy_for()
    assert policy.min_webmasters == 2 and policy.profile_name == "bang-mak"
    assert policy.category_label("links", "") == "รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง"
    assert NewsIndexPage.objects.get().title == "ข่าวประชาสัมพันธ์"
    assert ReportingSettings.for_site(policy.site).supervisor == somrak
    assert ModelLogEntry.objects.filter(action="prongsai.profile.loaded").exists()


@pytest.mark.django_db
def test_r62_a_site_with_content_is_refused_unless_replace_which_lists_what_goes(capsys):
    call_command("load_profile", "bang-mak")
    with pytest.raises(CommandError):
        call_command("load_profile", "bang-mak")
    assert "บัญชีเจ้าหน้าที่ 6 บัญชี" in capsys.readouterr().err
    assert User.objects.count() == 6

    call_command("load_profile", "bang-mak", "--replace")
    out = capsys.readouterr().out
    assert "จะลบสิ่งต่อไปนี้ก่อนโหลด" in out and "หน่วยงานภายใน 4 หน่วย" in out
    assert User.objects.count() == 6 and Unit.objects.count() == 4


@pytest.mark.django_db
def test_r62_replace_refuses_in_thai_and_english_when_kept_records_name_what_it_removes(capsys):
    """A document owned by a unit is not removed by --replace: before, the load stopped with
    Django's ProtectedError traceback; now it says what is in the way and changes nothing."""
    from prongsai.sitepages.models import AgencyDocument
    from prongsai.sitepages.tests.factories import metadata

    call_command("load_profile", "bang-mak")
    unit = Unit.objects.get(code="clerk-office")
    AgencyDocument.objects.create(title="แผนพัฒนาท้องถิ่น", **metadata(unit))
    capsys.readouterr()
    with pytest.raises(CommandError) as refused:
        call_command("load_profile", "bang-mak", "--replace")
    assert "ลบของเดิมไม่ได้" in str(refused.value) and "nothing changed" in str(refused.value)
    assert "เอกสาร 1 รายการ" in capsys.readouterr().err
    assert User.objects.count() == 6 and Unit.objects.count() == 4
    assert AgencyDocument.objects.get().owner_unit == unit


@pytest.mark.django_db
def test_r60_r64_switching_the_demo_profile_over_kept_records_says_so_and_changes_nothing():
    import io

    from prongsai.profiles import demo_profile
    from prongsai.sitepages.models import AgencyDocument
    from prongsai.sitepages.tests.factories import metadata

    demo_profile.load("bang-mak", io.StringIO())
    AgencyDocument.objects.create(
        title="แผนพัฒนาท้องถิ่น", **metadata(Unit.objects.get(code="clerk-office"))
    )
    with pytest.raises(CommandError) as refused:
        demo_profile.load("dcy", io.StringIO())
    assert "เอกสาร 1 รายการ" in str(refused.value) and "nothing changed" in str(refused.value)
    assert policy_for().profile_name == "bang-mak" and Unit.objects.count() == 4


@pytest.mark.django_db
def test_r62_a_dry_run_writes_nothing():
    call_command("load_profile", "bang-mak", "--dry-run")
    assert not User.objects.exists() and not InformationClass.objects.exists()


@pytest.mark.django_db
def test_a_failure_halfway_leaves_nothing_behind():
    profile = read_profile(resolve("bang-mak"))
    # Valid when read; changed afterwards so the load fails after units and people exist.
    profile.policy.supervisors = ["ghost"]
    with pytest.raises(KeyError):
        load(profile)
    assert not Unit.objects.exists() and not User.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dcy", "satun-pho", "most-ops", "phang-nga"])
def test_r60_r64_each_shipped_profile_loads_into_a_fresh_site(name):
    profile = read_profile(resolve(name))
    load(profile)
    assert User.objects.count() == len(profile.people)
    assert InformationClass.objects.count() == len(profile.information_classes)
    assert policy_for().profile_name == name


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", ["bang-mak", "most-ops", "dcy", "satun-pho", "phang-nga"])
def test_r60_r64_export_load_into_a_fresh_database_export_gives_the_same_file(name):
    load(read_profile(resolve(name)))
    first = export_text()
    call_command("flush", interactive=False, verbosity=0)
    load(parse_profile(first, "exported.yaml"))
    assert export_text() == first
    assert "min_webmasters: 2" in first and f"profile: {name}" in first
    # DCY's director step survives the round trip as a step of the requesting unit's head.
    assert ("decided_by: unit-head" in first) == (name == "dcy")


@pytest.mark.django_db
def test_r62_a_webmaster_reads_the_whole_policy_on_one_page(client):
    from prongsai.accounts.testing import login_with_otp

    call_command("load_profile", "bang-mak")
    yupin = User.objects.get(username="yupin")
    login_with_otp(client, yupin)
    page = client.get("/admin/agency-policy/").content.decode()
    assert "นโยบายเว็บไซต์ของหน่วยงาน" in page
    assert "3 วันทำการ" in page and "นายสมรัก สายพันธ์" in page
    assert "รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง" in page and "ผู้ช่วยเจ้าพนักงานธุรการ" in page
    assert "แก้ไขนโยบาย" not in page  # only administrators edit
    assert "คำขอข้อมูลข่าวสารของราชการ (มาตรา 11)" in page and "15 วัน" in page
