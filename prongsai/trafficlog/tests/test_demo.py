"""The demo coordinator: in the role group, password printed, loading twice duplicates nothing."""

import io

import pytest

from prongsai.accounts import demo as accounts_demo
from prongsai.accounts.models import User
from prongsai.accounts.roles import Role, user_has_role
from prongsai.trafficlog import accessaudit, demo
from prongsai.trafficlog.models import Hold

pytestmark = pytest.mark.django_db


def test_demo_coordinator_is_created_once_with_its_role_and_one_example_hold():
    accounts_demo.load(io.StringIO())
    out = io.StringIO()
    first = demo.load(out)
    second = demo.load(io.StringIO())
    assert (
        first
        == second
        == [("coordinator", "Prongsai-Coord-2569", "ผู้ประสานข้อมูลจราจร (traffic coordinator)")]
    )
    user = User.objects.get(username="coordinator")
    assert user_has_role(user, Role.TRAFFIC_COORDINATOR)
    assert user.check_password("Prongsai-Coord-2569") and user.is_staff
    assert user.unit.code == "ict"
    assert Hold.objects.count() == 1 and Hold.objects.get().is_active
    assert accessaudit.verify_access_audit().ok
    assert "/staff/traffic-data/" in out.getvalue()
