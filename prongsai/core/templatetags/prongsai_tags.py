import re

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from prongsai.core import fragments, sitestate
from prongsai.core.fragments import Fragment

register = template.Library()


def _site_state(context):
    """The request's site state (core/sitestate.py), or None outside a request (e-mails, PDFs)."""
    request = context.get("request")
    return None if request is None else sitestate.for_request(request)


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the request's site (kept in memory per process)."""
    state = _site_state(context)
    return None if state is None else state.home


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page's sections shown in the menu, each with its title, URL and tree path.

    Kept in memory per process until a page, site or setting changes (no query per request).
    """
    state = _site_state(context)
    return () if state is None else state.menu


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The site's policies (R15) for the footer, kept in memory like the menu."""
    state = _site_state(context)
    return () if state is None else state.footer


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


@register.simple_tag(takes_context=True)
def site_root_url(context):
    """The configured root URL of the request's site ("https://www.agency.go.th"), never the
    address the request happened to use: canonical links and shared links name the real host."""
    request = context.get("request")
    site = sitestate.for_request(request).site if request is not None else None
    return site.root_url.rstrip("/") if site is not None else ""


@register.simple_tag(takes_context=True)
def full_page_url(context, page):
    """The page's absolute URL on its site's configured root URL."""
    path = page_url(context, page)
    if path.startswith(("http://", "https://")):
        return path
    return site_root_url(context) + path


_FIRST_NUMBER = re.compile(r"\+?[0-9๐-๙][0-9๐-๙ ()\-]*")


@register.filter
def tel_uri(value):
    """The dialable part of a Thai telephone line for a ``tel:`` link: "0 7648 1111 ต่อ 12"
    → "076481111"; Thai digits become Arabic ones; "" when there is no number."""
    match = _FIRST_NUMBER.search(str(value or ""))
    if match is None:
        return ""
    digits = match.group(0).translate(_THAI_DIGITS)
    return re.sub(r"[^0-9+]", "", digits)


@register.simple_tag(takes_context=True)
def menu_groups(context):
    """The menu's top row in groups (core/menu.py), kept in memory like the menu."""
    state = _site_state(context)
    return () if state is None else state.menu_groups


@register.simple_tag(takes_context=True)
def site_appearance(context):
    """The agency's look (core/appearance.py): logo, colours, banner, hotlines, map."""
    state = _site_state(context)
    return None if state is None else state.appearance_for_request()


@register.filter
def og_type(page) -> str:
    """ "article" for a dated item, "website" otherwise. A template's ``page.published_date``
    on a page without the field made Django list the page's attributes (``dir()``) to tell a
    missing attribute from a failing property: a fifth of a millisecond on every such page."""
    return "article" if getattr(page, "published_date", None) else "website"


@register.filter
def menu_has(group, section_path):
    """True when the visitor is in one of the group's sections (to mark the group)."""
    return bool(section_path) and any(item.path == section_path for item in group.items)


@register.simple_tag(takes_context=True)
def contact_page_url(context):
    """The URL of the site's contact page ("" when it has none), kept in memory like the menu."""
    state = _site_state(context)
    return "" if state is None else state.contact_url


class KeptFragmentNode(template.Node):
    def __init__(self, nodelist, fragment):
        self.nodelist = nodelist
        self.fragment = fragment

    def render(self, context):
        fragment = self.fragment.resolve(context, ignore_failures=True)
        if isinstance(fragment, str):
            fragment = _frame_fragment(context, fragment)
        if not isinstance(fragment, Fragment):
            return self.nodelist.render(context)
        if fragment.html is not None:
            return mark_safe(fragment.html)  # noqa: S308 (HTML this template rendered)
        html = self.nodelist.render(context)
        fragment.keep(html)
        return html


def _frame_fragment(context, name: str):
    """A part of every page's frame that depends on the site alone (its settings, look and
    policies): kept per site generation and language whatever the page."""
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    return fragments.for_request(request, "frame", name)


@register.tag
def kept_fragment(parser, token):
    """``{% kept_fragment listing_fragment %}…{% endkept_fragment %}``: the HTML the view found
    kept (core/fragments.py), or the enclosed template, rendered and kept for the next
    visitor. Without a fragment in the context (staff previews, pages that do not keep one)
    the enclosed template is simply rendered. ``{% kept_fragment "name" %}`` keeps a part of
    the page frame that must not depend on the page or the request, only on the site."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("kept_fragment takes one argument: the fragment")
    nodelist = parser.parse(("endkept_fragment",))
    parser.delete_first_token()
    return KeptFragmentNode(nodelist, parser.compile_filter(bits[1]))
