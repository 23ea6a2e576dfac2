"""Staff guides in the admin (R44). Wagtail's admin URLs already require a signed-in staff member."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from .guides import GUIDES, GUIDES_BY_SLUG, render_guide


def guide(request, slug):
    found = GUIDES_BY_SLUG.get(slug)
    if found is None:
        raise Http404
    prefix = reverse("core_guide", args=["x"])[: -len("x/")]
    context = {
        "page_title": found.title,
        "header_icon": "help",
        "guide": found,
        "guides": GUIDES,
        "guide_html": render_guide(found, prefix),
    }
    return render(request, "core/admin/guide.html", context)
