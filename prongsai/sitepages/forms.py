"""The document upload form: the same Thai messages for missing metadata as on pages (R12).

Selected by the setting ``WAGTAILDOCS_DOCUMENT_FORM_BASE =
"prongsai.sitepages.forms.AgencyDocumentForm"``.
"""

from wagtail.documents.forms import BaseDocumentForm

from prongsai.core.forms import MetadataMessagesMixin


class AgencyDocumentForm(MetadataMessagesMixin, BaseDocumentForm):
    pass
