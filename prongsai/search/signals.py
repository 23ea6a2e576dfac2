"""Keep document text in step with uploads."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from prongsai.sitepages.models import AgencyDocument

from .services import schedule_text_extraction


@receiver(post_save, sender=AgencyDocument, dispatch_uid="search-document-text")
def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    schedule_text_extraction(instance)
