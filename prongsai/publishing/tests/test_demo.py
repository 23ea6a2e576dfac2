import io

import pytest

from prongsai.publishing import demo
from prongsai.publishing.models import InformationClass, PublishRequest, Status
from prongsai.publishing.selectors import overdue_requests, unconfirmed_verbal_approvals

from .conftest import give_role


@pytest.mark.django_db
def test_r23_demo_loads_classes_and_requests_in_every_state_once(people, news_index):
    from prongsai.accounts.roles import Role

    give_role(people["approver"], Role.EXECUTIVE)
    demo.load(io.StringIO())
    demo.load(io.StringIO())  # idempotent
    assert InformationClass.objects.count() == 4
    assert PublishRequest.objects.count() == 5
    states = set(PublishRequest.objects.values_list("status", flat=True))
    assert {Status.PENDING, Status.APPROVED, Status.REJECTED, Status.PUBLISHED} <= states
    assert len(overdue_requests()) == 1
    assert len(unconfirmed_verbal_approvals()) == 1
