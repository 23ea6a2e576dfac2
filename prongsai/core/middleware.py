"""Hands each request the in-memory site state (prongsai/core/sitestate.py) before Wagtail
looks for the site: the site with its home page and the agency settings then cost no query."""

from prongsai.core.models import AgencySettings
from prongsai.core.sitestate import for_request

_AGENCY_ATTR = AgencySettings.get_cache_attr_name()  # where BaseSiteSetting.for_request looks


class SiteStateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only reads: a form post (e.g. in the admin) finds its site the usual way.
        if request.method in ("GET", "HEAD"):
            state = for_request(request)
            request._wagtail_site = state.site_for_request()
            if state.agency is not None:
                setattr(request, _AGENCY_ATTR, state.agency_for_request(request))
        return self.get_response(request)
