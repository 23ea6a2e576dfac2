"""The document upload form: the same Thai messages for missing metadata as on pages (R12),
and every new file checked by content (``prongsai.filecheck``, ADR 0150).

Selected by the setting ``WAGTAILDOCS_DOCUMENT_FORM_BASE =
"prongsai.sitepages.forms.AgencyDocumentForm"``.
"""

from wagtail.documents.forms import BaseDocumentForm

from prongsai.core.forms import MetadataMessagesMixin
from prongsai.filecheck.forms import CheckedFileMixin


class AgencyDocumentForm(CheckedFileMixin, MetadataMessagesMixin, BaseDocumentForm):
    pass
