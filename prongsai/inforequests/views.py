"""Public pages of the information-request e-service (R16): ask, and follow one's request."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from prongsai.feedback import ratelimit
from prongsai.feedback.views import _apply_errors, _challenge_for, _guarded_post

from . import selectors, services
from .forms import InfoRequestForm

SCOPE = "inforequest"


@require_http_methods(["GET", "POST"])
def ask(request):
    status = 200
    if request.method == "POST":
        form, refused = _guarded_post(request, SCOPE, InfoRequestForm)
        if refused:
            return refused
        if form.is_valid() and not form.is_honeypot_filled:
            try:
                info_request = services.submit_info_request(**form.service_fields())
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                return redirect(
                    "inforequests:track", info_request.reference, info_request.tracking_token
                )
        elif form.is_valid():  # a bot filled the honeypot: answer as if sent, store nothing
            return redirect("inforequests:ask")
        status = 400
    else:
        form = InfoRequestForm(challenge=_challenge_for(ratelimit.attempts_so_far(request, SCOPE)))
    return render(request, "inforequests/ask.html", {"form": form}, status=status)


def track(request, reference, token):
    info_request = selectors.find_for_tracking(reference, token)
    if info_request is None:
        raise Http404
    response = render(
        request,
        "inforequests/track.html",
        {"r": info_request, "events": info_request.events.all()},
    )
    # The address is the requester's key: keep it out of shared caches and referrers.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
