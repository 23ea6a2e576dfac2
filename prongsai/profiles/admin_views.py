from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Site

from prongsai.policy.services import can_change

from .selectors import policy_overview


def policy_page(request):
    """The whole policy on one page; any staff member may read it, administrators edit it."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    edit_url = None
    if can_change(request.user):
        edit_url = reverse("wagtailsettings:edit", args=["policy", "agencypolicy", site.pk])
    return render(
        request,
        "profiles/policy.html",
        {"sections": policy_overview(site), "edit_url": edit_url},
    )
