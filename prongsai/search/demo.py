"""Demo data for search: extract the demo documents' text, index everything and build each
site's "did you mean" vocabulary (idempotent)."""

from wagtail.models import Site

from .indexing import reindex_all
from .models import DocumentText
from .services import extract_and_index, rebuild_vocabulary


def load(stdout) -> list[tuple[str, str, str]]:
    from prongsai.sitepages.models import AgencyDocument

    done = DocumentText.objects.exclude(status=DocumentText.Status.PENDING).values("document_id")
    for document in AgencyDocument.objects.exclude(pk__in=done):
        extract_and_index(document)
    result = reindex_all()
    stdout.write(f"search: indexed {result['items']} items ({result['items_per_second']:.0f}/s)\n")
    words = sum(rebuild_vocabulary(site) for site in Site.objects.all())
    stdout.write(f"search: {words} words for did-you-mean\n")
    return []
