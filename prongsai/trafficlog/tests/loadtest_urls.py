"""Views for the load test and bench that need no database, then the project's own URLs
(other apps' middleware reverses admin URL names)."""

from django.http import HttpResponse, StreamingHttpResponse
from django.template import engines
from django.urls import include, path


def ping(request):
    return HttpResponse("ok")


def stream(request):
    return StreamingHttpResponse(b"x" * 1000 for _ in range(5))


def page(request):
    """Stands in for a real page: a few ms of template rendering, like a small Wagtail page."""
    template = engines["django"].from_string(
        "<html><body><h1>{{ title }}</h1><table>{% for row in rows %}<tr><td>{{ row }}</td>"
        "<td>{{ row|stringformat:'08d' }}</td><td>{{ title|upper }}</td></tr>{% endfor %}"
        "</table></body></html>"
    )
    return HttpResponse(template.render({"title": "ข่าวประชาสัมพันธ์", "rows": range(50)}))


urlpatterns = [
    path("ping/", ping),
    path("stream/", stream),
    path("page/", page),
    path("", include("config.urls")),
]
