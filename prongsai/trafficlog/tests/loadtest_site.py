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
