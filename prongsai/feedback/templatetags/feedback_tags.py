from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe

from prongsai.feedback import selectors

register = template.Library()


@register.simple_tag
def satisfaction_level():
    return selectors.current_fiscal_year_satisfaction()


@register.filter
def published_text(value):
    """Escaped text whose links are clickable: only used for questions staff have published."""
    linked = urlize(value or "", nofollow=True, autoescape=True)
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308 - escaped by urlize


@register.filter
def score_label(value):
    return f"{value:.2f}" if value is not None else "–"
