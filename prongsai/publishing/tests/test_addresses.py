"""The real host in everything publishing e-mails or prints (R24, R26; issue 11 item 6)."""

import pytest
from django.core import mail
from wagtail.models import Site

from prongsai.publishing import services

from .conftest import request_data

pytestmark = pytest.mark.django_db


def test_r24_emails_link_to_the_sites_configured_root_url_not_the_development_default(
    settings, people, classes, news_index, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    Site.objects.filter(is_default_site=True).update(hostname="www.example.go.th", port=443)
    people["approver"].email = "approver@example.go.th"
    people["approver"].save()
    with django_capture_on_commit_callbacks(execute=True):
        publish_request = services.request_submit(
            people["owner"], data=request_data(classes["general"])
        )
    bodies = "\n".join(message.body for message in mail.outbox)
    assert f"https://www.example.go.th/admin/publish-requests/{publish_request.pk}/" in bodies
    assert "127.0.0.1" not in bodies
