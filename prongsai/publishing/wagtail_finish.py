"""What Wagtail does when a workflow is approved (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's default publishes the page at once. A publish request's workflow must not: after
approval a publisher checks the files and the category and publishes within the deadline
(R21, R25). Other workflows keep Wagtail's behaviour. Imported while Wagtail's models load, so
nothing is imported at module level.
"""


def finish_workflow_state(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    from prongsai.publishing.models import ApprovalRoute

    if ApprovalRoute.objects.filter(workflow_id=workflow_state.workflow_id).exists():
        return None
    return publish_workflow_state(workflow_state, user=user)
