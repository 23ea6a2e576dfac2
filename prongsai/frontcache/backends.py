"""The purge backend for nginx's cache-purge module (docs/adr/0130-front-cache-nginx-purge.md).

Wagtail's ``HTTPBackend`` sends ``PURGE <path>`` with the page's host name to the configured
LOCATION but only logs a failure. This one raises, so the caller can retry and report it.
nginx answers 200 when it removed the entry and 404 when the page was not cached: both mean
"no stale copy is left".
"""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest

TIMEOUT_SECONDS = 2


class PurgeFailed(Exception):
    pass


class NginxPurgeBackend(HTTPBackend):
    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.hostname or ""  # nginx keys on $host, which never has the port
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path or "/", "", ""]),
            headers={"Host": host, "User-Agent": "Prongsai-purge"},
        )
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - LOCATION is a setting
                response.read()
        except HTTPError as error:
            if error.code != 404:  # 404: nothing cached under that key
                raise PurgeFailed(f"HTTP {error.code} {error.reason}") from error
        except (URLError, OSError) as error:
            raise PurgeFailed(str(getattr(error, "reason", error))) from error

    def purge_batch(self, urls) -> None:
        for url in urls:
            self.purge(url)
