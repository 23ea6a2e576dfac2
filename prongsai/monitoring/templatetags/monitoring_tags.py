"""Template filters for public templates that list documents (R30)."""

from django import template

from prongsai.monitoring.windows import document_in_window

register = template.Library()


@register.filter
def in_publication_window(document) -> bool:
    """``{% if document|in_publication_window %}``: hide documents outside their window."""
    return document is not None and document_in_window(document)
