"""Wagtail's scheduled-publishing panel with Buddhist-era inputs (ADR 0090)."""

from wagtail.admin.panels import FieldPanel, PublishingPanel

from .bedate import BuddhistDateTimeInput


class BuddhistPublishingPanel(PublishingPanel):
    """Wagtail's go-live/expiry dialog; its fields read and show BE years, not CE.

    Wagtail's panel hard-codes its own date-time widget, so the form field override alone
    would parse BE but still show CE; the dialog's attributes are kept so it resets as before.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.children = [
            FieldPanel(child.field_name, widget=BuddhistDateTimeInput(attrs=_dialog_attrs(child)))
            for child in self.children
        ]


def _dialog_attrs(panel) -> dict:
    widget = getattr(panel, "widget", None)
    attrs = dict(getattr(widget, "attrs", {}) or {})
    for key in ("autocomplete", "class"):
        attrs.pop(key, None)
    return attrs
