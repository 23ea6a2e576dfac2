"""Keep the index and document text in step with saves (ADR 0223)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelsearch import index
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from prongsai.sitepages.models import AgencyDocument

from .kept import forget_kept_searches
from .services import (
    add_page_to_vocabulary,
    schedule_text_extraction,
    schedule_vocabulary_rebuild,
    site_of,
)


def index_with_the_save(instance, **kwargs):
    """Index a saved object so it is searchable when the save commits, worker or not.

    Replaces Wagtail's handler, which queues the indexing for the task worker: a site run without
    the worker never indexed new pages, and with it a page was not searchable until the queue
    reached it. Wagtail's database index lives in the same database, so the entry is written in
    the save's own transaction and commits (or rolls back) with it; an external index (OpenSearch)
    is written once the transaction commits. Only document text extraction, which is slow, stays
    in the worker (``schedule_text_extraction``).
    """
    if kwargs.get("raw", False):
        return
    if _database_index():
        _index_or_remove(instance)
        return
    model, pk = type(instance), instance.pk
    transaction.on_commit(lambda: _index(model, pk))


def _index_or_remove(instance) -> None:
    """Index the object, or remove it from the index when it left the model's indexed objects
    (a published question hidden again, ADR 0271); Wagtail's handler would leave it there."""
    if index.get_indexed_instance(instance) is not None:
        index.insert_or_update_object(instance)
    else:
        index.remove_object(instance)
    forget_kept_searches()  # an answered question changes results without any page saved


def _database_index() -> bool:
    from modelsearch.backends import get_search_backend

    vendor_modules = (cls.__module__ for cls in type(get_search_backend()).__mro__)
    return any(module.startswith("modelsearch.backends.database") for module in vendor_modules)


def _index(model, pk) -> None:
    obj = model._default_manager.filter(pk=pk).first()
    if obj is not None:
        _index_or_remove(obj)


@receiver(post_save, sender=AgencyDocument, dispatch_uid="search-document-text")
def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    schedule_text_extraction(instance)


@receiver(page_published, dispatch_uid="search-vocabulary-published")
def page_published_to_vocabulary(sender, instance, **kwargs):
    """A published page's words can be suggested at once ("did you mean", ADR 0270)."""
    add_page_to_vocabulary(instance)


def _rebuild_vocabulary_of(page) -> None:
    site = site_of(page) if page is not None else None
    if site is not None:
        schedule_vocabulary_rebuild(site.pk)


@receiver(page_unpublished, dispatch_uid="search-vocabulary-unpublished")
def page_withdrawn_from_vocabulary(sender, instance, **kwargs):
    """Unpublished (or deleted while live): its words leave the vocabulary at the rebuild."""
    _rebuild_vocabulary_of(instance)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="search-vocabulary-restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="search-vocabulary-opened")
def page_privacy_changed(sender, instance, **kwargs):
    if not kwargs.get("raw", False):  # the page may be going too (a cascade): look it up
        _rebuild_vocabulary_of(Page.objects.filter(pk=instance.page_id).first())
