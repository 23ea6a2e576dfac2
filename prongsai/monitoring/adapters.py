"""The one place monitoring reaches into the publishing workflow: opening a revision request.

An outdated item is re-approved like a new one (R31): the periodic review's "revise" action
opens a publish request for the page through its normal approval route.
"""

from prongsai.publishing.services import open_revision_request as _open_revision_request


def open_revision_request(page, user, note: str):
    """Open a request to revise ``page``; returns what the publishing service created."""
    return _open_revision_request(page=page, user=user, note=note)
