"""Basic site search (Thai-aware segmentation replaces the query handling in the search app)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page, Site

MAX_QUERY_LENGTH = 200


def search(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        results = pages.search(query)
    page = Paginator(results, 10).get_page(request.GET.get("page")) if query else None
    return render(request, "search/search.html", {"query": query, "results": page})
