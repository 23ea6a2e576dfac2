"""A page published again (by hand or by schedule) no longer answers 410."""

from wagtail.signals import page_published


def reopen_expired_page(sender, instance, **kwargs):
    from .windows import reopen_page

    reopen_page(instance)


def connect():
    page_published.connect(reopen_expired_page, dispatch_uid="monitoring-reopen-expired-page")
