"""Snippet choosers that ask the model's permission policy before answering.

Wagtail's snippet chooser views check no permission: any signed-in staff member could list
evidence links, not-applicable reasons, approval routes or survey questions through
``admin/snippets/choose/<app>/<model>/`` and read one through ``…/chosen/<pk>/``, although
the snippet's own listing refuses them. Here every chooser view asks the same policy as the
snippet's own screens: at least one of add, change, delete or view on the model (ADR 0325).
Nothing in the page editor chooses snippets, so no editing role loses a chooser it needed.
"""

from django.core.exceptions import PermissionDenied
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

#: Any of these on the model lets a user choose its snippets (Wagtail's own listing asks the same).
MODEL_ACTIONS = ("add", "change", "delete", "view")


def user_may_choose(user, model) -> bool:
    """The one predicate of these views: may ``user`` see ``model``'s snippets in a chooser?"""
    policy = model.snippet_viewset.permission_policy
    return policy.user_has_any_permission(user, MODEL_ACTIONS)


class _AsksModelPermission:
    def dispatch(self, request, *args, **kwargs):
        if not user_may_choose(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ChooseView(_AsksModelPermission, chooser.ChooseView):
    pass


class ChooseResultsView(_AsksModelPermission, chooser.ChooseResultsView):
    pass


class ChosenView(_AsksModelPermission, chooser.SnippetChosenView):
    pass


class ChosenMultipleView(_AsksModelPermission, chooser.SnippetChosenMultipleView):
    pass


class CreateView(_AsksModelPermission, chooser.SnippetCreateView):
    pass


class PermissionCheckedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = CreateView


class ProngsaiSnippetViewSet(SnippetViewSet):
    """Every snippet of the project: Wagtail's viewset with the checked chooser."""

    chooser_viewset_class = PermissionCheckedSnippetChooserViewSet
