"""R12, R26: a document uploaded with a Thai file name is stored, linked and downloaded with its
vowel and tone marks (issue 11 item 6: "…รณรงค์.pdf" was served as "…รณรงค.pdf")."""

from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from prongsai.sitepages.tests.factories import metadata

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_r12_document_with_thai_name_is_stored_and_downloaded_with_its_marks(client):
    document = get_document_model().objects.create(
        title="แผนรณรงค์", file=ContentFile(PDF, name="แผนรณรงค์.pdf"), **metadata()
    )
    # The storage may add a suffix when the name is taken; the marks must survive either way.
    assert document.filename.startswith("แผนรณรงค์") and document.filename.endswith(".pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert document.filename in unquote(response["Content-Disposition"])
