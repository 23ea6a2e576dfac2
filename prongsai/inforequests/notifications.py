"""E-mails about information requests (Thai), queued through core.notify after the commit.

The tracking link is on the site's configured root URL and carries the request's secret token,
so only the requester (and whoever they forward it to) can follow it.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from prongsai.accounts.roles import Role, users_with_role
from prongsai.core import notify

from .models import InfoRequest


def tracking_url(info_request: InfoRequest) -> str:
    path = reverse("inforequests:track", args=[info_request.reference, info_request.tracking_token])
    return notify.public_url(path)


def _send(template: str, info_request: InfoRequest, recipients: list[str], **extra) -> None:
    if not recipients:
        return
    context = {"r": info_request, "tracking_url": tracking_url(info_request), **extra}
    subject = render_to_string(f"inforequests/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"inforequests/email/{template}.txt", context)
    notify.send_later(recipients, subject, [body])


def received(pk: int) -> None:
    info_request = InfoRequest.objects.get(pk=pk)
    if info_request.requester_email:
        _send("received", info_request, [info_request.requester_email])
    handlers = {
        user.email
        for role in (Role.WEBMASTER, Role.MODERATOR)
        for user in users_with_role(role)
        if user.email
    }
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "inforequests_admin_detail", args=[info_request.pk]
    )
    _send("new_for_staff", info_request, sorted(handlers), admin_url=admin_url)


def decided(pk: int) -> None:
    info_request = InfoRequest.objects.get(pk=pk)
    if info_request.requester_email:
        _send("decided", info_request, [info_request.requester_email])
