"""R25 with the agency policy: the deadline is the site's data, changed in the admin, audited."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from prongsai.accounts.testing import login_with_otp
from prongsai.accounts.tests.factories import UserFactory
from prongsai.policy.selectors import policy_for
from prongsai.publishing import services

from .conftest import request_data

BANGKOK = ZoneInfo("Asia/Bangkok")


def _form(policy, **changes) -> dict:
    data = {
        "publish_deadline_working_days": policy.publish_deadline_working_days,
        "verbal_confirm_working_days": policy.verbal_confirm_working_days,
        "accepted_file_kinds": json.dumps(policy.accepted_file_kinds),
        "revision_class_code": policy.revision_class_code,
        "review_interval_days": json.dumps(policy.review_interval_days),
        "review_reminder_every_days": policy.review_reminder_every_days,
        "review_escalate_after_days": policy.review_escalate_after_days,
        "expiry_notice_days": policy.expiry_notice_days,
        "min_webmasters": policy.min_webmasters,
        "categories": json.dumps(policy.categories),
        "info_request_response_days": policy.info_request_response_days,
    }
    data.update(changes)
    return data


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(username="itadmin", is_superuser=True)
    login_with_otp(client, admin)
    return client, admin


def _edit_url():
    site = Site.objects.get(is_default_site=True)
    return reverse("wagtailsettings:edit", args=["policy", "agencypolicy", site.pk])


@pytest.mark.django_db
def test_r25_changing_the_deadline_in_the_admin_changes_the_next_due_date_and_is_audited(
    people, classes, admin_client
):
    client, admin = admin_client
    policy = policy_for()
    assert policy.publish_deadline_working_days == 3
    response = client.post(_edit_url(), _form(policy, publish_deadline_working_days=5))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert policy_for().publish_deadline_working_days == 5

    entry = ModelLogEntry.objects.get(action="prongsai.policy.changed")
    assert entry.user == admin
    assert entry.data["before"] == {"publish_deadline_working_days": 3}
    assert entry.data["after"] == {"publish_deadline_working_days": 5}

    # Approved Mon 1 Jun 2026; 3 Jun is the Queen's birthday: 5 working days → Tue 9 Jun
    # (3 working days would have given Fri 5 Jun).
    with time_machine.travel(dt.datetime(2026, 6, 1, 10, 0, tzinfo=BANGKOK), tick=False):
        request = services.request_submit(people["owner"], data=request_data(classes["general"]))
        request = services.request_approve(people["approver"], request)
    assert request.due_date == dt.date(2026, 6, 9)


@pytest.mark.django_db
@pytest.mark.parametrize("days", [0, -1])
def test_r25_a_deadline_below_one_day_is_refused_and_changes_nothing(days, admin_client):
    client, _admin = admin_client
    policy = policy_for()
    response = client.post(_edit_url(), _form(policy, publish_deadline_working_days=days))
    assert response.status_code == 200
    assert policy_for().publish_deadline_working_days == 3
    assert not ModelLogEntry.objects.filter(action="prongsai.policy.changed").exists()


@pytest.mark.django_db
def test_r24_a_file_kind_outside_the_agency_policy_is_refused(people, classes):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from prongsai.policy.testing import set_policy

    set_policy(accepted_file_kinds=["pdf", "doc", "docx"])
    archive = SimpleUploadedFile("data.zip", b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ValidationError) as refused:
        services.request_submit(
            people["owner"], data=request_data(classes["general"]), files=[archive]
        )
    assert "data.zip" in refused.value.messages[0] and "pdf, doc, docx" in refused.value.messages[0]


@pytest.mark.django_db
def test_r63_the_request_form_says_which_file_kinds_the_agency_accepts(client, people, classes):
    """MOST ขั้นตอน ข้อ 2: Word or PDF. The form said "Word, PDF, Excel, รูปภาพ" and its file
    picker offered every kind the system takes, so the owner learnt only after posting."""
    from prongsai.policy.testing import set_policy

    set_policy(accepted_file_kinds=["pdf", "doc", "docx"])
    client.force_login(people["owner"])
    form = client.get(reverse("publishing_admin:create")).context["form"]
    attachments = form.fields["attachments"]
    assert attachments.label == "ไฟล์แนบ (รับเฉพาะ pdf, doc, docx)"
    assert sorted(attachments.widget.attrs["accept"].split(",")) == [".doc", ".docx", ".pdf"]
