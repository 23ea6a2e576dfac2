"""Settings and URLs for the gunicorn load test: the real middleware stack, no database needed."""

from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "prongsai.trafficlog.tests.loadtest_site"
TRAFFIC_TRUSTED_PROXIES = ["127.0.0.1/32"]  # the load generator plays the reverse proxy
DATABASES = {}


def ping(request):
    return HttpResponse("ok")


def stream(request):
    return StreamingHttpResponse(b"x" * 1000 for _ in range(5))


urlpatterns = [path("ping/", ping), path("stream/", stream)]


def page(request):
    """Stands in for a real page: about 2 ms of template rendering, like a small Wagtail page."""
    from django.template import engines

    template = engines["django"].from_string(
        "<html><body><h1>{{ title }}</h1><table>{% for row in rows %}<tr><td>{{ row }}</td>"
        "<td>{{ row|stringformat:'08d' }}</td><td>{{ title|upper }}</td></tr>{% endfor %}"
        "</table></body></html>"
    )
    return HttpResponse(template.render({"title": "ข่าวประชาสัมพันธ์", "rows": range(50)}))


urlpatterns.append(path("page/", page))
