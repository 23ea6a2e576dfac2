import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from prongsai.core import audit

rename = importlib.import_module("prongsai.core.migrations.0004_one_audit_prefix")

pytestmark = pytest.mark.django_db


def test_every_action_has_the_one_prefix_and_a_thai_label_in_the_log_views():
    for name, label in audit.ACTIONS.items():
        assert name.startswith(audit.PREFIX)
        assert registry.get_action_label(name) == str(label)


def test_an_unregistered_name_is_refused_and_nothing_is_logged():
    user = get_user_model().objects.create_user("ผู้ใช้")
    before = ModelLogEntry.objects.count()
    with pytest.raises(KeyError):
        audit.log(instance=user, action="prongsai.account.sigend_in")
    assert ModelLogEntry.objects.count() == before


def test_recorded_entries_with_the_old_prefixes_are_renamed_and_keep_their_label():
    user = get_user_model().objects.create_user("ผู้ใช้")
    ModelLogEntry.objects.all().delete()  # creating the account logs; keep only the old ones
    # Written as the old code did; bulk_create skips the check against today's registry.
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(user),
            object_id=str(user.pk),
            label=str(user),
            action=old,
            timestamp=timezone.now(),
        )
        for old in (
            "prongsai_accounts.signed_in",
            "prongsai_traffic.hold.end",
            "prongsai_publishing.sent-back",
        )
    )

    rename.forwards(apps, None)

    assert sorted(ModelLogEntry.objects.values_list("action", flat=True)) == [
        "prongsai.account.signed_in",
        "prongsai.publishing.sent-back",
        "prongsai.traffic.hold.end",
    ]
    for entry in ModelLogEntry.objects.all():
        assert entry.action in audit.ACTIONS
