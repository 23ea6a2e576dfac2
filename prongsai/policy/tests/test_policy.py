"""The agency policy: seeded from install defaults once, then the site's own data, audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from prongsai.accounts.roles import Role
from prongsai.accounts.testing import give_role
from prongsai.accounts.tests.factories import UserFactory
from prongsai.policy.selectors import policy_for, supervisor_users
from prongsai.policy.services import update_policy

pytestmark = pytest.mark.django_db


def test_r25_a_new_sites_policy_is_seeded_from_the_install_defaults_then_kept(settings):
    settings.PRONGSAI_PUBLISH_DEADLINE_WORKING_DAYS = 5
    assert policy_for().publish_deadline_working_days == 5
    settings.PRONGSAI_PUBLISH_DEADLINE_WORKING_DAYS = 1
    assert policy_for().publish_deadline_working_days == 5  # the site's own value now


def test_r25_only_an_administrator_changes_the_policy_and_each_change_is_audited():
    webmaster = give_role(UserFactory(username="wm"), Role.WEBMASTER)
    with pytest.raises(PermissionDenied):
        update_policy(policy_for(), webmaster, publish_deadline_working_days=7)
    admin = give_role(UserFactory(username="itadmin"), Role.ADMINISTRATOR)
    supervisor = UserFactory(username="boss")
    update_policy(policy_for(), admin, publish_deadline_working_days=7, supervisors=[supervisor])
    assert policy_for().publish_deadline_working_days == 7
    assert supervisor_users() == [supervisor]
    entry = ModelLogEntry.objects.get(action="prongsai.policy.changed")
    assert entry.user == admin
    assert entry.data["after"]["publish_deadline_working_days"] == 7


@pytest.mark.parametrize(
    "values",
    [
        {"publish_deadline_working_days": 0},
        {"min_webmasters": 0},
        {"review_interval_days": {"news": 0}},
        {"accepted_file_kinds": ["../exe"]},
        {"categories": [{"label": "ไม่มีรหัส"}]},
    ],
)
def test_r25_bad_policy_values_are_refused_and_change_nothing(values):
    with pytest.raises(ValidationError):
        update_policy(policy_for(), None, **values)
    assert policy_for().publish_deadline_working_days == 3
    assert not ModelLogEntry.objects.filter(action="prongsai.policy.changed").exists()


def test_r16_the_information_request_deadline_is_seeded_15_days_and_audited_when_changed():
    admin = give_role(UserFactory(username="itadmin"), Role.ADMINISTRATOR)
    assert policy_for().info_request_response_days == 15
    update_policy(policy_for(), admin, info_request_response_days=10)
    assert policy_for().info_request_response_days == 10
    entry = ModelLogEntry.objects.get(action="prongsai.policy.changed")
    assert entry.data == {
        "before": {"info_request_response_days": 15},
        "after": {"info_request_response_days": 10},
    }


@pytest.mark.parametrize(("days", "message"), [(0, "อย่างน้อย 1 วัน"), (16, "ไม่เกิน 15 วัน")])
def test_r16_a_deadline_outside_one_to_fifteen_days_is_refused_in_thai(days, message):
    with pytest.raises(ValidationError) as refused:
        update_policy(policy_for(), None, info_request_response_days=days)
    assert message in " ".join(refused.value.message_dict["info_request_response_days"])
    assert policy_for().info_request_response_days == 15
    assert not ModelLogEntry.objects.filter(action="prongsai.policy.changed").exists()
