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


@task
def rebuild_site_vocabulary(site_id: int) -> int:
    """Rebuild the vocabulary of "did you mean" for one site; returns its number of words."""
    from wagtail.models import Site

    from .services import rebuild_vocabulary

    site = Site.objects.filter(pk=site_id).first()
    return rebuild_vocabulary(site) if site is not None else 0
