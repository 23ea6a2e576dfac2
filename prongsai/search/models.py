"""Search data Prongsai keeps beside Wagtail's index: document text and query counts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """Text extracted from a document's file by the worker, indexed with its metadata."""

    class Status(models.TextChoices):
        PENDING = "pending", _("รอดึงข้อความ")
        DONE = "done", _("ดึงข้อความแล้ว")
        EMPTY = "empty", _("ไม่พบข้อความในไฟล์")
        FAILED = "failed", _("ดึงข้อความไม่สำเร็จ")
        UNSUPPORTED = "unsupported", _("ไม่รองรับชนิดไฟล์")

    #: Statuses the webmaster must look at: the document is found only by title and metadata.
    NEEDS_ATTENTION = (Status.EMPTY, Status.FAILED, Status.UNSUPPORTED)

    document = models.OneToOneField(
        "sitepages.AgencyDocument",
        on_delete=models.CASCADE,
        related_name="search_text",
        verbose_name=_("เอกสาร"),
    )
    text = models.TextField(_("ข้อความ"), blank=True)
    status = models.CharField(
        _("สถานะ"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    error = models.TextField(_("ข้อผิดพลาด"), blank=True)
    #: The file hash the text was extracted from; a new upload triggers a new extraction.
    file_hash = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(_("ปรับปรุงเมื่อ"), auto_now=True)

    class Meta:
        verbose_name = _("ข้อความในเอกสาร")
        verbose_name_plural = _("ข้อความในเอกสาร")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.get_status_display()}"


class SearchQueryStat(models.Model):
    """How often a normalised query was searched on a day. No address, no user: counts only."""

    day = models.DateField(_("วันที่"))
    query = models.CharField(_("คำค้น"), max_length=200)
    searches = models.PositiveIntegerField(_("จำนวนครั้งที่ค้นหา"), default=0)
    searches_without_results = models.PositiveIntegerField(_("จำนวนครั้งที่ไม่พบผล"), default=0)

    class Meta:
        verbose_name = _("สถิติคำค้น")
        verbose_name_plural = _("สถิติคำค้น")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_stat_day_query")
        ]
        indexes = [models.Index(fields=["day", "searches_without_results"])]

    def __str__(self) -> str:
        return f"{self.day} {self.query} ({self.searches})"


class VocabularyTerm(models.Model):
    """A word of a site's live, public pages, for "did you mean" (ADR 0270).

    Rebuilt per site by ``services.rebuild_vocabulary`` (worker task after a page is unpublished,
    moved or made private, and ``manage.py search_vocabulary``); a newly published page adds its
    words at once. A suggestion is shown only if it finds visible results, so a word left over
    from a page that was just withdrawn is never offered.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name=_("เว็บไซต์")
    )
    #: As written on the pages (tone marks kept; Latin words in lower case).
    word = models.CharField(_("คำ"), max_length=40)
    #: How many of the site's live pages hold the word (at the last rebuild).
    pages = models.PositiveIntegerField(_("จำนวนหน้า"), default=1)

    class Meta:
        verbose_name = _("คำในเว็บไซต์")
        verbose_name_plural = _("คำในเว็บไซต์")
        constraints = [
            models.UniqueConstraint(fields=["site", "word"], name="search_vocabulary_site_word")
        ]

    def __str__(self) -> str:
        return self.word


class IndexDigest(models.Model):
    """A fingerprint of the text last written to Wagtail's index entry for one object.

    ``thai_reindex`` compares it with the text it computes and rewrites only the entries whose
    text changed: rewriting every row left as many dead rows as the table had live ones on
    PostgreSQL, and searches slowed until the next vacuum (issue 21, ADR 0290).
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=255)
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("ลายนิ้วมือของข้อความในดัชนีค้นหา")
        verbose_name_plural = _("ลายนิ้วมือของข้อความในดัชนีค้นหา")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_index_digest_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id}"
