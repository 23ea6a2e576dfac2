from django.apps import AppConfig


def _skip_request_workflows(notifier):
    """Wagtail's own workflow e-mails (English templates, requester only) would duplicate our
    Thai notices, which already reach every person concerned (notifications.py)."""

    def handler(sender, instance, **kwargs):
        from .workflows import is_request_workflow

        if is_request_workflow(instance):
            return None
        return notifier(sender=sender, instance=instance, **kwargs)

    return handler


def _record_direct_publication(sender, instance, created, **kwargs):
    if created and instance.action in ("wagtail.publish", "wagtail.publish.schedule"):
        from .direct import record_direct_publication

        record_direct_publication(instance)


class PublishingConfig(AppConfig):
    name = "prongsai.publishing"
    label = "publishing"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from prongsai.core.models import BasePage
        from prongsai.core.workdays import register_days_off

        from .direct import DirectPublishTester
        from .models import AgencyHoliday

        register_days_off(AgencyHoliday)
        BasePage.permission_tester = DirectPublishTester
        from wagtail.models import PageLogEntry

        # Every publication Wagtail logs, whatever screen or command made it (direct.py).
        post_save.connect(
            _record_direct_publication,
            sender=PageLogEntry,
            dispatch_uid="prongsai_publishing_direct_publication",
        )
        from wagtail.admin import signal_handlers as wagtail_mail
        from wagtail.models import WorkflowState
        from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

        for signal, uid, notifier in (
            (
                workflow_submitted,
                "workflow_state_submitted_email_notification",
                wagtail_mail.workflow_submission_email_notifier,
            ),
            (
                workflow_rejected,
                "workflow_state_rejected_email_notification",
                wagtail_mail.workflow_rejection_email_notifier,
            ),
            (
                workflow_approved,
                "workflow_state_approved_email_notification",
                wagtail_mail.workflow_approval_email_notifier,
            ),
        ):
            signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
            signal.connect(
                _skip_request_workflows(notifier),
                sender=WorkflowState,
                dispatch_uid=uid,
                weak=False,
            )
