"""Who may do what on the province's side. Services check these; views only hide what they refuse.

The province's coordinators hold Django's ``parentbody.change_reportinground`` permission (the
"ผู้ประสานการรายงานของจังหวัด" group, or a superuser). A reporter is tied to one agency and
reaches only that agency's submissions.
"""

COORDINATOR_PERMISSION = "parentbody.change_reportinground"


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_coordinator(user) -> bool:
    return _active(user) and user.has_perm(COORDINATOR_PERMISSION)


def reporter_agency(user):
    """The member agency the user reports for, or None."""
    if not _active(user):
        return None
    from .models import Reporter

    link = Reporter.objects.select_related("agency").filter(user=user).first()
    return link.agency if link else None


def can_report_for(user, agency) -> bool:
    mine = reporter_agency(user)
    return mine is not None and mine.pk == agency.pk


def can_see_submission(user, submission) -> bool:
    return is_coordinator(user) or can_report_for(user, submission.agency)
