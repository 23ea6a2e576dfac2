"""Worker tasks of the search app (Django's task framework; immediate backend in tests)."""

from django.tasks import task


@task
def extract_document_text(document_id: int) -> str:
    """Extract and index the text of one document; returns the resulting status."""
    from prongsai.sitepages.models import AgencyDocument

    from .services import extract_and_index

    document = AgencyDocument.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    return extract_and_index(document).status
