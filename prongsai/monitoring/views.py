"""Public view of an expired item (HTTP 410); staff views live in admin_views.py."""

from django.shortcuts import render

from .models import ExpiredItem


def gone_response(request, item: ExpiredItem | None):
    return render(request, "monitoring/gone.html", {"item": item}, status=410)


def expired_item(request, expired_path: str):
    item = (
        ExpiredItem.objects.filter(path=expired_path, active=True).order_by("-expired_at").first()
    )
    return gone_response(request, item)
