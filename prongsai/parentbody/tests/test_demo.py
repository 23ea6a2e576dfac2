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
