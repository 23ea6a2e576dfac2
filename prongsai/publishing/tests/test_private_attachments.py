"""Request attachments are private until published through a page (R21; issue 11 item 2)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from prongsai.accounts.roles import Role
from prongsai.accounts.tests.factories import UnitFactory, UserFactory
from prongsai.publishing import services

from .conftest import give_role, pdf_upload, request_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected_attachment(people, classes):
    publish_request = services.request_submit(
        people["owner"],
        data=request_data(classes["general"]),
        files=[pdf_upload("draft-order-confidential.pdf")],
    )
    services.request_reject(people["approver"], publish_request, reason="ยังไม่ถึงเวลาเปิดเผย")
    return publish_request.attachments.get()


def test_r21_attachment_is_stored_outside_the_public_media_folder(rejected_attachment):
    path = Path(rejected_attachment.file.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.exists()
    with pytest.raises(ValueError):
        rejected_attachment.file.url  # noqa: B018 - a private file has no public address


def test_r21_rejected_attachment_answers_404_to_anonymous_and_to_another_units_staff(
    client, rejected_attachment
):
    url = rejected_attachment.get_absolute_url()
    assert client.get(url).status_code == 404
    stranger = give_role(UserFactory(unit=UnitFactory(code="finance")), Role.DATA_OWNER)
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    # Nor under the old public address.
    assert client.get(f"/media/{rejected_attachment.file.name}").status_code == 404


def test_r21_owner_and_approver_download_the_attachment(client, people, rejected_attachment):
    url = reverse("publishing_attachment", args=[rejected_attachment.pk])
    for user in (people["owner"], people["approver"]):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert "draft-order-confidential.pdf" in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"
