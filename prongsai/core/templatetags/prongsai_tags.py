from django import template
from django.utils import timezone
from wagtail.models import Page, Site

from prongsai.core.pagequeries import exclude_private

register = template.Library()


@register.simple_tag(takes_context=True)
def site_root(context):
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_prongsai_site_root"):
        site = Site.find_for_request(request)
        request._prongsai_site_root = site.root_page if site else None
    return request._prongsai_site_root


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections shown in the menu: one query per request."""
    request = context.get("request")
    root = site_root(context)
    if root is None:
        return []
    if not hasattr(request, "_prongsai_nav"):
        request._prongsai_nav = list(
            exclude_private(Page.objects.child_of(root).live().in_menu()).only(
                "title", "url_path", "path", "depth"
            )
        )
    return request._prongsai_nav


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """URL of a page in the current site without extra queries (relative to the site root)."""
    request = context.get("request")
    return page.get_url(request=request)


@register.simple_tag
def breadcrumb_trail(page):
    """Pages between the home page and ``page``; free when the page was just routed."""
    if hasattr(page, "breadcrumb_ancestors"):
        return page.breadcrumb_ancestors()
    return list(page.get_ancestors().filter(depth__gt=2))


@register.simple_tag
def now_local():
    return timezone.localtime()
