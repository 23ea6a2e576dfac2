"""Friendly Thai error pages. The 500 page renders without context so it cannot fail itself."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from prongsai.core import sitestate


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())


def robots_txt(request):
    """Crawlers keep out of the back office and search results, and find the sitemap on the
    site's configured host (not the address the crawler used)."""
    site = sitestate.for_request(request).site
    root_url = site.root_url.rstrip("/") if site is not None else ""
    return render(
        request, "core/robots.txt", {"root_url": root_url}, content_type="text/plain; charset=utf-8"
    )
