"""R36, R64: the demo gives the province's board real-looking data, and loads twice safely."""

import io

import pytest

from prongsai.parentbody import demo
from prongsai.parentbody.models import MemberAgency, ReportingRound
from prongsai.parentbody.selectors import board, counts

pytestmark = pytest.mark.django_db


def test_r36_demo_province_has_agencies_a_round_with_deadlines_and_every_state():
    printed = demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert MemberAgency.objects.count() >= 3 and ReportingRound.objects.count() == 1
    round_ = ReportingRound.objects.get()
    assert len(round_.ordered_deadlines()) == 2
    by_state = {state: n for state, _label, n in counts(board(round_))}
    assert all(
        by_state[state] >= 1 for state in ("submitted", "late", "accepted", "returned", "not_yet")
    )
    assert {username for username, _password, _role in printed} == {
        "province",
        "reporter1",
        "reporter2",
    }


def test_r64_phang_nga_profile_demo_shows_the_board_with_its_agencies_and_round():
    """`make demo PROFILE=phang-nga` ran only the profile loaders, so the province's board was
    empty; the parent body's own demo now comes with that profile (and no other)."""
    from django.core.management import call_command

    out = io.StringIO()
    call_command("load_demo", profile="phang-nga", stdout=out)
    assert ReportingRound.objects.count() == 1 and MemberAgency.objects.count() >= 3
    assert "reporter1" in out.getvalue()


def test_r64_other_profiles_load_no_province_data():
    from prongsai.parentbody import demo_profile

    assert demo_profile.load("bang-mak", io.StringIO()) == []
    assert not ReportingRound.objects.exists()
