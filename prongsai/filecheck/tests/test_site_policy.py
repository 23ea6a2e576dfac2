"""The upload check reads the site's own policy (R42, R24): ``UploadPolicy.for_site`` once
returned the install-wide defaults whatever the agency had decided."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from prongsai.filecheck.policy import ATTACHMENT, DOCUMENT, UploadPolicy
from prongsai.filecheck.refusals import UploadRefused
from prongsai.filecheck.services import REFUSED_ACTION, checked_upload
from prongsai.filecheck.tests.hostile import builders
from prongsai.policy.testing import set_policy

pytestmark = pytest.mark.django_db


def _docx():
    return SimpleUploadedFile("หนังสือ.docx", builders.docx())


def test_r42_changing_the_site_policy_changes_what_an_attachment_upload_accepts(home_page):
    assert checked_upload(_docx(), ATTACHMENT)  # every supported kind by default

    set_policy(accepted_file_kinds=["pdf", "jpg"])

    with pytest.raises(UploadRefused) as refused:
        checked_upload(_docx(), ATTACHMENT)
    assert refused.value.reason == "extension"
    assert "รับเฉพาะไฟล์ .jpg .pdf" in refused.value.messages[0]
    assert ModelLogEntry.objects.filter(action=REFUSED_ACTION).count() == 1
    assert checked_upload(SimpleUploadedFile("ประกาศ.pdf", builders.pdf()), ATTACHMENT)


def test_r42_the_site_policy_narrows_extensions_not_only_kinds(home_page):
    """Listing "jpg" accepts a JPEG named .jpg, not the same JPEG named .jpeg."""
    set_policy(accepted_file_kinds=["jpg"])
    policy = UploadPolicy.for_site(home_page.get_site())
    assert policy.allowed_extensions(ATTACHMENT) == ["jpg"]
    jpeg = builders.image("JPEG")
    assert checked_upload(SimpleUploadedFile("ภาพ.jpg", jpeg), ATTACHMENT)
    with pytest.raises(UploadRefused):
        checked_upload(SimpleUploadedFile("ภาพ.jpeg", jpeg), ATTACHMENT)


def test_r42_the_attachment_list_does_not_narrow_documents_and_empty_means_all(home_page):
    set_policy(accepted_file_kinds=["pdf"])
    assert "docx" in UploadPolicy.for_site().allowed_extensions(DOCUMENT)
    assert checked_upload(_docx(), DOCUMENT)
    set_policy(accepted_file_kinds=[])
    assert checked_upload(_docx(), ATTACHMENT)
