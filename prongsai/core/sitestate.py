"""What every public page shows, kept in memory per process and checked with one tiny query.

The site for the request's host, its home page, the main menu, the agency settings and the
paths under a view restriction change only when a webmaster saves something. Each process
keeps them under the tokens of ``core.SiteGeneration`` it last read: the site's own row and
the install-wide one. The signals in ``prongsai/core/signals.py`` give the changed site's row
(or, for what all sites depend on, the install-wide row) a new token in the same transaction as
the change, so every process notices it on its next request, and a change on one site leaves
the other sites' state in memory (docs/adr/0002-site-state-in-memory.md, ADR 0291).

Everything handed to a request is a copy, so what a request sets on its objects never leaks
into the next one.
"""

import copy
import uuid
from dataclasses import dataclass, replace
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.http.request import split_domain_port
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from prongsai.core import menu as site_menu
from prongsai.core.menu import MenuGroup, MenuItem
from prongsai.core.models import AgencySettings, SiteAppearance, SiteGeneration

# reverse() leaves these unquoted in a path (django.urls.resolvers); the rest is %-encoded.
_SAFE_IN_PATH = "/~:@!$&'()*+,;="
_MAX_HOSTS = 32  # host names kept (ALLOWED_HOSTS limits them anyway)


#: site -> [(category code, label)]: the categories the agency's policy uses, in its order and
#: wording. Set by the policy app when it loads (core imports no app; docs/adr/0281).
menu_categories = None


@dataclass(frozen=True)
class SiteState:
    site: Site | None
    home: Page | None
    agency: AgencySettings | None
    menu: tuple[MenuItem, ...] = ()
    #: the menu's top row: ``menu`` grouped, filtered and named by the agency's policy
    menu_groups: tuple[MenuGroup, ...] = ()
    #: the agency's look (logo, colours, banner, hotlines, map), its images joined
    appearance: SiteAppearance | None = None
    contact_url: str = ""
    #: the home page's children whose type sets ``footer_link`` (the site's policies, R15)
    footer: tuple[MenuItem, ...] = ()
    #: tree paths of pages with a view restriction and of aliases (which use their source's)
    guarded_paths: frozenset[str] = frozenset()
    #: how a page URL is built when this site is the only one: prefix + url_path minus root
    url_prefix: str | None = None
    root_url_path: str = ""
    #: the ``SiteGeneration`` tokens (install-wide, site) this state was checked against: what
    #: is built from the site's pages may be kept under them (core/fragments.py)
    generation: tuple | None = None

    def site_for_request(self) -> Site | None:
        if self.site is None:
            return None
        site = copy.copy(self.site)
        site.root_page = copy.copy(self.home)
        return site

    def agency_for_request(self, request) -> AgencySettings | None:
        if self.agency is None:
            return None
        agency = copy.copy(self.agency)
        agency._request = request  # as BaseSiteSetting.for_request does
        return agency

    def appearance_for_request(self) -> SiteAppearance | None:
        return copy.copy(self.appearance) if self.appearance is not None else None

    def is_unrestricted(self, page) -> bool:
        """True when neither ``page`` nor an ancestor has a view restriction or is an alias."""
        if self.site is None:
            return False
        steplen = page.steplen
        return not any(
            page.path[:end] in self.guarded_paths
            for end in range(steplen, len(page.path) + 1, steplen)
        )

    def page_url(self, page) -> str | None:
        """The URL Wagtail's ``page.get_url(request)`` gives for a page of this site, or None
        when only Wagtail can tell (several sites, a page outside this one, custom URLs)."""
        if self.url_prefix is None or type(page).get_url_parts is not Page.get_url_parts:
            return None
        url_path = page.url_path
        if not url_path.startswith(self.root_url_path):
            return None
        return self.url_prefix + quote(url_path[len(self.root_url_path) :], safe=_SAFE_IN_PATH)


_EMPTY = SiteState(site=None, home=None, agency=None)
#: host key -> (the tokens the state was built under, the state)
_memo: dict[tuple, tuple[tuple, SiteState]] = {}


def _table() -> str:
    return connection.ops.quote_name(SiteGeneration._meta.db_table)


def current_tokens(site_id) -> tuple | None:
    """(install-wide token, the site's token or None), read in one query; None when the
    install-wide row is missing (right after a flush)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT site_id, token FROM {_table()} WHERE site_id IS NULL OR site_id = %s",  # noqa: S608 (a model's table)
            [site_id],
        )
        rows = dict(cursor.fetchall())
    return _tokens_of(rows, site_id)


def _tokens_of(rows: dict, site_id) -> tuple | None:
    if None not in rows:
        return None
    return rows[None], rows.get(site_id) if site_id is not None else None


def _all_tokens() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT site_id, token FROM {_table()}")  # noqa: S608 (a model's table)
        return dict(cursor.fetchall())


def bump_generation(site_ids=None) -> None:
    """Tell every process that pages, view restrictions or settings of the sites ``site_ids``
    changed, or, without ids, something every site depends on (call inside the change's
    transaction, so the new token and the change become visible together)."""
    token = uuid.uuid4().hex
    if site_ids is None:
        if not SiteGeneration.objects.filter(site_id__isnull=True).update(token=token):
            SiteGeneration.objects.update_or_create(
                pk=1, defaults={"token": token, "site_id": None}
            )
        return
    ids = set(site_ids)
    if not ids:
        return
    if SiteGeneration.objects.filter(site_id__in=ids).update(token=token) < len(ids):
        known = set(
            SiteGeneration.objects.filter(site_id__in=ids).values_list("site_id", flat=True)
        )
        SiteGeneration.objects.bulk_create(
            [SiteGeneration(site_id=pk, token=token) for pk in ids - known], ignore_conflicts=True
        )


def for_request(request) -> SiteState:
    """The state for the request's site, read once per request."""
    state = getattr(request, "_prongsai_site_state", None)
    if state is not None:
        return state
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    remembered = _memo.get(key)
    if remembered is not None:
        tokens, state = remembered
        site_id = state.site.pk if state.site is not None else None
        if tokens is None or current_tokens(site_id) != tokens:
            state = None
    if state is None:
        # The tokens are read before the state is built: a change committed while building
        # gives a new token, so the next request builds again.
        rows = _all_tokens()
        state = _build(request)
        tokens = _tokens_of(rows, state.site.pk if state.site is not None else None)
        state = replace(state, generation=tokens)
        if tokens is not None:
            if len(_memo) >= _MAX_HOSTS:
                _memo.clear()
            _memo[key] = (tokens, state)
        else:
            _memo.pop(key, None)
    request._prongsai_site_state = state
    return state


def _build(request) -> SiteState:
    from prongsai.core.pagequeries import exclude_private

    site = Site._find_for_request(request)
    if site is None:
        return _EMPTY
    home = site.root_page.specific
    site.root_page = home
    agency = AgencySettings.for_site(site)
    menu_pages = exclude_private(Page.objects.child_of(home).live().in_menu()).only(
        "title", "url_path", "path", "depth", "content_type"
    )
    guarded = {
        *PageViewRestriction.objects.values_list("page__path", flat=True),
        *Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True),
    }
    state = SiteState(
        site=site,
        home=home,
        agency=agency,
        guarded_paths=frozenset(guarded),
        url_prefix=_url_prefix(),
        root_url_path=home.url_path,
    )
    menu = tuple(
        MenuItem(
            page.title,
            state.page_url(page) or page.get_url(request),
            page.path,
            getattr(page.specific_class, "category_code", ""),
        )
        for page in menu_pages
    )
    footer = tuple(
        MenuItem(page.title, state.page_url(page) or page.get_url(request), page.path)
        for page in _footer_pages(home)
    )
    contact = _contact_page(home)
    contact_url = (state.page_url(contact) or contact.get_url(request)) if contact else ""
    menu_groups = site_menu.arrange(
        menu,
        menu_categories(site) if menu_categories is not None else None,
        contact_url=contact_url,
    )
    return replace(
        state,
        menu=menu,
        contact_url=contact_url,
        menu_groups=menu_groups,
        footer=footer,
        appearance=_appearance(site),
    )


def _appearance(site) -> SiteAppearance:
    appearance = SiteAppearance.for_site(site)
    if appearance.pk:
        # The images once per generation, not on every page.
        appearance = (
            SiteAppearance.objects.select_related("logo", "banner_image", "map_image")
            .filter(pk=appearance.pk)
            .first()
        ) or appearance
    _attach_renditions(appearance)
    return appearance


#: The banner's widths for ``srcset`` (360 px phones at 2x up to 1440 px screens).
BANNER_WIDTHS = (480, 960, 1440)


def _attach_renditions(appearance) -> None:
    """The logo's and the banner's resized files, made once per generation so a page shows
    them without a query (a missing original shows no image rather than failing the page)."""
    appearance.logo_rendition = None
    appearance.banner_renditions = ()
    try:
        if appearance.logo is not None:
            appearance.logo_rendition = appearance.logo.get_rendition("height-96|format-webp")
        if appearance.banner_image is not None:
            appearance.banner_renditions = tuple(
                appearance.banner_image.get_rendition(f"fill-{width}x{width * 3 // 8}|format-webp")
                for width in BANNER_WIDTHS
            )
    except (OSError, ValueError):
        appearance.logo_rendition = None
        appearance.banner_renditions = ()


def _contact_page(home):
    # The page type that says it is the contact page (core cannot import sitepages).
    models = [model for model in get_page_models() if getattr(model, "contact_page", False)]
    if not models:
        return None
    from prongsai.core.pagequeries import exclude_private

    return (
        exclude_private(Page.objects.descendant_of(home).live().type(*models))
        .only("title", "url_path", "path", "depth")
        .first()
    )


def _footer_pages(home):
    # Page types declare themselves (core cannot import the apps that define them).
    models = [model for model in get_page_models() if getattr(model, "footer_link", False)]
    if not models:
        return []
    from prongsai.core.pagequeries import exclude_private

    return exclude_private(Page.objects.child_of(home).live().type(*models)).only(
        "title", "url_path", "path", "depth"
    )


def _url_prefix() -> str | None:
    """Where Wagtail serves pages ("/"), when page URLs can be built without asking it."""
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) or getattr(
        settings, "WAGTAIL_I18N_ENABLED", False
    ):
        return None
    if len({root[0] for root in Site.get_site_root_paths()}) != 1:
        return None
    try:
        return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return None
