"""Private collections stay private inside the admin too (R41; ASVS 8.2.2; ADR 0252).

Roles get their document and image permissions on the root collection, and Wagtail lets a
permission flow down to every collection below. A collection with a view restriction (a
"private" one: ผู้บริหาร only, or a password) therefore showed its documents' titles and
URLs to every staff member who may choose documents: in the chooser and its search and JSON
answers, in the documents listing, in the edit and usage views.

The policy below keeps Wagtail's rules and adds one: inside a restricted collection, a
permission counts only if it was granted on that collection or below it, or if the person is
in one of the groups the restriction lets in. Superusers still see everything. It is
registered for the document and the image model (``SitepagesConfig.ready``), so every Wagtail
view that asks ``policy_registry`` (chooser, chosen, listing, edit, usage, bulk actions,
search counts) applies it without a hook per view.
"""

from wagtail.models import Collection, CollectionViewRestriction
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

_CACHE = "_prongsai_private_collection_rules"


def _inside(path: str, ancestor_path: str) -> bool:
    """``path`` is the collection ``ancestor_path`` or below it (treebeard paths)."""
    return path.startswith(ancestor_path)


class PrivateCollectionPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def _rules(self, user) -> list[str]:
        """Paths of the restricted collections this person is not let into by group."""
        rules = getattr(user, _CACHE, None)
        if rules is None:
            groups = set(user.groups.values_list("pk", flat=True))
            rules = []
            for restriction in CollectionViewRestriction.objects.select_related(
                "collection"
            ).prefetch_related("groups"):
                let_in = restriction.restriction_type == CollectionViewRestriction.GROUPS and (
                    groups & {group.pk for group in restriction.groups.all()}
                )
                if not let_in:
                    rules.append(restriction.collection.path)
            setattr(user, _CACHE, rules)
        return rules

    @staticmethod
    def _reaches(granted_path: str, path: str, rules: list[str]) -> bool:
        """A permission granted at ``granted_path`` applies at ``path`` (below it): not when a
        restricted collection lies between them."""
        return all(
            _inside(granted_path, restricted) for restricted in rules if _inside(path, restricted)
        )

    def _check_perm(self, user, actions, collection=None):
        if (
            collection is None
            or not (user.is_active and user.is_authenticated)
            or user.is_superuser
        ):
            return super()._check_perm(user, actions, collection)
        rules = self._rules(user)
        return any(
            _inside(collection.path, permission.collection.path)
            and self._reaches(permission.collection.path, collection.path, rules)
            for permission in self._get_user_permission_objects_for_actions(user, actions)
        )

    def _collections_with_perm(self, user, actions):
        rules = self._rules(user)
        if not rules:
            return super()._collections_with_perm(user, actions)
        granted = [
            permission.collection.path
            for permission in self._get_user_permission_objects_for_actions(user, actions)
        ]
        allowed = [
            pk
            for pk, path in Collection.objects.values_list("pk", "path")
            if any(_inside(path, start) and self._reaches(start, path, rules) for start in granted)
        ]
        return Collection.objects.filter(pk__in=allowed)


def register_policies() -> None:
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.images import get_image_model, get_image_model_string
    from wagtail.permissions import register_permission_policy

    # exact_class: looked up before the policies Wagtail's own apps register for the models.
    register_permission_policy(
        get_document_model(),
        PrivateCollectionPermissionPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
    register_permission_policy(
        get_image_model(),
        PrivateCollectionPermissionPolicy(
            get_image_model_string(),
            auth_model="wagtailimages.Image",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
