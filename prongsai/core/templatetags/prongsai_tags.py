from django import template
from django.utils import timezone

from prongsai.core import sitestate

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the request's site (kept in memory per process)."""
    request = context.get("request")
    if request is None:
        return None
    return sitestate.for_request(request).home


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections shown in the menu, each with its title, URL and tree path.

    Kept in memory per process until a page, site or setting changes (no query per request).
    """
    request = context.get("request")
    if request is None:
        return ()
    return sitestate.for_request(request).menu


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """The URL ``{% pageurl page %}`` gives, built from the page's ``url_path`` when the site
    is the only one (no cache or database lookup per link)."""
    request = context.get("request")
    if request is None:
        return page.get_url()
    return sitestate.for_request(request).page_url(page) or page.get_url(request=request)


@register.simple_tag
def breadcrumb_trail(page):
    """Pages between the home page and ``page``; free when the page was just routed."""
    if hasattr(page, "breadcrumb_ancestors"):
        return page.breadcrumb_ancestors()
    return list(page.get_ancestors().filter(depth__gt=2))


@register.simple_tag
def now_local():
    return timezone.localtime()
