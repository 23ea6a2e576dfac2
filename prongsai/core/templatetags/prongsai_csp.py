"""``{% request_nonce_attr %}``: the CSP nonce attribute for templates rendered without the
request's context (Wagtail's widgets and panels); see prongsai/core/csp.py."""

from django import template
from django.utils.html import format_html

from prongsai.core.csp import current_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def request_nonce_attr(context):
    nonce = context.get("csp_nonce")
    if nonce is None:
        nonce = current_nonce()
    if nonce is None:
        return ""
    return format_html('nonce="{}"', nonce)
