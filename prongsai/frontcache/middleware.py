"""Marks anonymous public responses cacheable by the front cache, for a bounded time (R30).

nginx caches only what carries ``Cache-Control: s-maxage`` (deploy/nginx/prongsai.conf.in,
``proxy_cache_valid any 0``), so this middleware alone decides what may be shared: GET/HEAD,
200 or 410, no cookie in either direction, nobody signed in, no query string, a public path,
and no Cache-Control set by the view. Browsers get at most a minute (they cannot be purged).
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from .lifetime import seconds_cacheable

CACHEABLE_STATUS = {200, 410}
BROWSER_SECONDS = 60
PRIVATE_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/accounts/",
    "/i18n/",
    "/traffic/",
    "/publish/",
    "/publish-requests/",
    "/feedback/",
)


def is_shareable(request, response) -> bool:
    if request.method not in ("GET", "HEAD") or response.status_code not in CACHEABLE_STATUS:
        return False
    if request.META.get("QUERY_STRING") or request.COOKIES or response.cookies:
        return False
    if response.has_header("Cache-Control") or response.streaming:
        return False
    if request.path.startswith(PRIVATE_PREFIXES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


class FrontCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not settings.PRONGSAI_FRONT_CACHE_SECONDS or not is_shareable(request, response):
            return response
        seconds = seconds_cacheable()
        if seconds <= 0:
            patch_cache_control(response, no_cache=True)
            return response
        patch_cache_control(
            response, public=True, max_age=min(BROWSER_SECONDS, seconds), s_maxage=seconds
        )
        return response
