"""Facets a citizen uses and what each result shows (R12, issue 18)."""

import pytest

from prongsai.search import corpus
from prongsai.search.tests.test_documents import make_document

pytestmark = pytest.mark.django_db

TEXT = "รายงานผลการตรวจคุณภาพน้ำประปาหมู่บ้าน"


@pytest.fixture
def documents(unit):
    return {
        "pdf": make_document(unit, "ผลตรวจคุณภาพน้ำ PDF", "water.pdf", corpus.pdf_bytes("น้ำ", TEXT)),
        "word": make_document(
            unit, "ผลตรวจคุณภาพน้ำ Word", "water.docx", corpus.docx_bytes("น้ำ", TEXT)
        ),
        "excel": make_document(
            unit, "ผลตรวจคุณภาพน้ำ Excel", "water.xlsx", corpus.xlsx_bytes("น้ำ", TEXT)
        ),
    }


@pytest.mark.parametrize("file_type", ["pdf", "word", "excel"])
def test_r12_document_type_filter_keeps_only_that_type(client, home_page, documents, file_type):
    response = client.get("/search/", {"q": "คุณภาพน้ำ", "filetype": file_type})
    urls = [hit.url for hit in response.context["hits"]]
    assert urls == [documents[file_type].url]
    assert f'value="{file_type}" selected' in response.content.decode()
    assert f"filetype={file_type}" in response.context["extra_query"]


def test_r12_document_results_show_file_type_and_size(client, home_page, documents):
    html = client.get("/search/", {"q": "คุณภาพน้ำ"}).content.decode()
    size = documents["pdf"].size_in_bytes
    assert size
    assert 'class="file-info">PDF, ' in html
    assert 'class="file-info">DOCX, ' in html
    assert 'class="file-info">XLSX, ' in html


def test_unknown_document_type_is_ignored(client, home_page, documents):
    response = client.get("/search/", {"q": "คุณภาพน้ำ", "filetype": "<exe>"})
    assert response.status_code == 200
    assert len(response.context["hits"]) == 3


def test_r60_r64_category_filter_lists_the_sites_categories_in_its_order_and_wording(
    client, home_page
):
    """The search page's category filter follows the agency's policy like the menu does."""
    from prongsai.policy.testing import set_policy

    set_policy(categories=[{"code": "news", "label": "ข่าวของสำนักงาน"}, {"code": "laws"}])
    html = client.get("/search/", {"q": "น้ำ"}).content.decode()
    select = html[
        html.index('name="category"') : html.index("</select>", html.index('name="category"'))
    ]
    assert ">ข่าวของสำนักงาน</option>" in select
    assert select.index('value="news"') < select.index('value="laws"')
    assert 'value="agency"' not in select
