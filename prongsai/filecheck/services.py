"""Upload checks as a state change: a refused file is written to the audit log, never saved."""

import logging

from django.utils.translation import gettext_lazy as _

from prongsai.core.audit import log

from .names import display_name
from .policy import UploadPolicy
from .refusals import UploadRefused
from .validator import as_upload, check_upload

logger = logging.getLogger(__name__)

REFUSED_ACTION = "prongsai.upload.refused"  # in prongsai.core.audit.ACTIONS

PURPOSE_LABELS = {
    "document": _("เอกสาร"),
    "image": _("รูปภาพ"),
    "attachment": _("ไฟล์แนบคำขอเผยแพร่"),
    "report": _("รายงาน PDF ที่หน่วยงานส่งถึงจังหวัด"),
}


def _site(site):
    if site is not None:
        return site
    from wagtail.models import Site

    return Site.objects.filter(is_default_site=True).first() or Site.objects.first()


def checked_upload(uploaded, purpose: str, *, user=None, site=None, policy=None):
    """The upload to store (images re-encoded), or ``UploadRefused`` after an audit entry.

    The entry is written on the site whose policy refused the file, by the staff member who
    sent it (nobody for a citizen's file); it keeps the reason code, the upload path, the
    cleaned name and the size. ``policy`` is the site's policy narrowed further by the caller
    (information requests take only PDF, Word and images); by default the site's own.
    """
    site = _site(site)
    try:
        checked = check_upload(uploaded, purpose, policy=policy or UploadPolicy.for_site(site))
    except UploadRefused as refusal:
        instance = site or user
        data = {
            "purpose": purpose,
            "reason": refusal.reason,
            "name": display_name(getattr(uploaded, "name", "")),
            "size": getattr(uploaded, "size", None),
        }
        if instance is not None:
            log(instance=instance, action=REFUSED_ACTION, user=user, data=data)
        logger.info("upload refused: %s", data)
        raise
    if checked.reencoded:
        return as_upload(checked, uploaded)
    return uploaded
