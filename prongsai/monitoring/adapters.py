"""The one place monitoring reaches into the publishing workflow: opening a revision request.

The publishing app owns publish requests. When its service exists we call it; until then the
page's Wagtail workflow (the approval route configured for it) is started, and failing that a
draft revision is saved so the owner's edit still goes through moderation before publishing.
"""

import importlib

from wagtail.log_actions import log


def _publishing_service():
    try:
        services = importlib.import_module("prongsai.publishing.services")
    except ModuleNotFoundError:
        return None
    for name in ("open_revision_request", "open_request", "create_request", "submit_request"):
        if callable(getattr(services, name, None)):
            return getattr(services, name)
    return None


def open_revision_request(page, user, note: str):
    """Open a request to revise ``page``; returns whatever the route created (or None)."""
    service = _publishing_service()
    if service is not None:
        return service(page=page, user=user, note=note)
    page = page.specific
    workflow = page.get_workflow() if hasattr(page, "get_workflow") else None
    revision = page.save_revision(user=user, log_action=False)
    if workflow is not None and not page.workflow_in_progress:
        state = workflow.start(page, user)
        log(
            instance=page, action="prongsai.review.revise_requested", user=user, data={"note": note}
        )
        return state
    log(instance=page, action="prongsai.review.revise_requested", user=user, data={"note": note})
    return revision
