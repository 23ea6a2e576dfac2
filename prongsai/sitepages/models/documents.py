"""Documents with the metadata R12 requires and a publication window."""

import os

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from prongsai.core.models import PublicationMetadata


class AgencyDocument(PublicationMetadata, AbstractDocument):
    """A downloadable file that shows its owner, source, dates, type and size (R12)."""

    description = models.TextField(_("คำอธิบาย"), blank=True)
    publish_from = models.DateTimeField(_("เริ่มเผยแพร่"), null=True, blank=True)
    publish_until = models.DateTimeField(_("สิ้นสุดการเผยแพร่"), null=True, blank=True)

    admin_form_fields = (
        *Document.admin_form_fields,
        "description",
        "owner_unit",
        "source",
        "info_period_start",
        "info_period_end",
        "published_date",
        "publish_from",
        "publish_until",
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("เอกสาร")
        verbose_name_plural = _("เอกสาร")

    def clean(self) -> None:
        super().clean()
        if self.publish_from and self.publish_until and self.publish_until <= self.publish_from:
            raise ValidationError({"publish_until": _("วันสิ้นสุดการเผยแพร่ต้องอยู่หลังวันเริ่มเผยแพร่")})

    def save(self, *args, **kwargs):
        # Wagtail's upload form sets the hash and size; documents made in code (requests
        # published as pages, demo content, imports) did not, so every such document was
        # served with `ETag: ""` and any `If-None-Match: ""` got 304 for all of them.
        if self.file and (not self.file_hash or self.file_size is None):
            self._set_document_file_metadata()
        super().save(*args, **kwargs)

    def in_publication_window(self, now=None) -> bool:
        """Inside its publication window (R30): public listings show only these."""
        now = now or timezone.now()
        if self.publish_from and self.publish_from > now:
            return False
        return not (self.publish_until and self.publish_until <= now)

    @property
    def is_public_now(self) -> bool:
        return self.in_publication_window()

    @property
    def file_type_label(self) -> str:
        return (self.file_extension or os.path.splitext(self.file.name)[1].lstrip(".")).upper()

    @property
    def size_in_bytes(self) -> int | None:
        if self.file_size is None:
            try:
                return self.file.size
            except (OSError, ValueError):
                return None
        return self.file_size


def document_window_edge(now):
    """The first moment after ``now`` a document's publication window opens or closes."""
    edges = AgencyDocument.objects.aggregate(
        opens=Min("publish_from", filter=models.Q(publish_from__gt=now)),
        closes=Min("publish_until", filter=models.Q(publish_until__gt=now)),
    )
    found = [edge for edge in edges.values() if edge is not None]
    return min(found) if found else None
