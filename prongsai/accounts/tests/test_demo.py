"""The demo loader puts every demo account in its role group, idempotently (R20)."""

import io

from prongsai.accounts import demo
from prongsai.accounts.models import Unit, User
from prongsai.accounts.roles import Role, user_has_role


def test_demo_accounts_get_their_roles_heads_and_publishers_and_a_second_run_changes_nothing(db):
    printed = demo.load(io.StringIO())
    second = demo.load(out := io.StringIO())
    assert printed == second
    assert ("owner", "Prongsai-Owner-2569", "เจ้าของข้อมูล (data owner)") in printed
    assert "PRONGSAI_REQUIRE_2FA=false" in out.getvalue()
    assert User.objects.count() == len(demo.DEMO_USERS)
    owner = User.objects.get(username="owner")
    assert user_has_role(owner, Role.DATA_OWNER)
    assert not user_has_role(owner, Role.PUBLISHER)
    assert user_has_role(User.objects.get(username="webmaster1"), Role.WEBMASTER)
    assert Unit.objects.get(code="office").head.username == "approver"
    publisher = User.objects.get(username="publisher")
    assert set(publisher.publishing_units.values_list("code", flat=True)) == {
        code for code, *_ in demo.DEMO_UNITS
    }
    assert not owner.must_change_password
