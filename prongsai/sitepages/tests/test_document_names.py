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


@pytest.mark.django_db
def test_r12_documents_made_in_code_get_a_strong_etag(client):
    """Issue 19: documents created outside Wagtail's upload form were served with `ETag: ""`,
    so `If-None-Match: ""` answered 304 for every one of them."""
    first = get_document_model().objects.create(
        title="ก", file=ContentFile(PDF, name="a.pdf"), **metadata()
    )
    second = get_document_model().objects.create(
        title="ข", file=ContentFile(PDF + b"%second\n", name="b.pdf"), **metadata()
    )
    assert first.file_hash and second.file_hash and first.file_hash != second.file_hash
    assert first.file_size == len(PDF)
    response = client.get(first.url)
    assert response["ETag"].strip('"') == first.file_hash
    assert client.get(second.url, HTTP_IF_NONE_MATCH='""').status_code == 200
    assert client.get(first.url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
