"""What each role (Wagtail group) may do in the admin — exactly what it needs and no more (R20).

Three kinds of permission make up a role:
- model permissions ("app_label.codename") — settings, redirects, users, units …;
- page permissions on the root of the page tree (GroupPagePermission) — every site below it;
- collection permissions on the root collection (GroupCollectionPermission) — documents/images.

Roles whose apps decide by asking ``user_has_role`` (traffic coordinator, moderator,
executive) get only admin access here; the approver decides through Wagtail's workflow
tasks, which grant reviewers access to the pages they moderate without any page permission.
"""

from dataclasses import dataclass, field

from .roles import Role

ACCESS_ADMIN = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class RolePermissions:
    model: frozenset[str] = field(default_factory=frozenset)
    # Page permission types without the model suffix: add, change, publish, lock, unlock,
    # bulk_delete.
    page: frozenset[str] = field(default_factory=frozenset)
    # "app_label.codename" for documents and images, granted on the root collection.
    collection: frozenset[str] = field(default_factory=frozenset)
    # Every model permission in the database except these app labels (administrator).
    all_models_except_apps: frozenset[str] | None = None
    # Also every registered Wagtail setting (webmaster).
    all_settings: bool = False


DOCUMENT_CHOOSE = {"wagtaildocs.choose_document", "wagtailimages.choose_image"}
DOCUMENT_ADD = {"wagtaildocs.add_document", "wagtailimages.add_image"}
DOCUMENT_CHANGE = {"wagtaildocs.change_document", "wagtailimages.change_image"}
DOCUMENT_DELETE = {"wagtaildocs.delete_document", "wagtailimages.delete_image"}
REDIRECTS = {
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
}

_PUBLISHER_PAGES = {"add", "change", "publish"}
_ALL_PAGES = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}

ROLE_PERMISSIONS: dict[Role, RolePermissions] = {
    # Drafts only: "add" lets the owner create and edit pages it owns and submit them for
    # moderation; without "publish" Wagtail offers no publish action.
    Role.DATA_OWNER: RolePermissions(
        model=frozenset({ACCESS_ADMIN}),
        page=frozenset({"add"}),
        collection=frozenset(DOCUMENT_ADD | DOCUMENT_CHOOSE),
    ),
    # Reviews through workflow tasks; may look at attached documents, never publish.
    Role.APPROVER: RolePermissions(
        model=frozenset({ACCESS_ADMIN}),
        collection=frozenset(DOCUMENT_CHOOSE),
    ),
    Role.PUBLISHER: RolePermissions(
        model=frozenset({ACCESS_ADMIN}),
        page=frozenset(_PUBLISHER_PAGES),
        collection=frozenset(DOCUMENT_ADD | DOCUMENT_CHANGE | DOCUMENT_CHOOSE),
    ),
    Role.WEBMASTER: RolePermissions(
        model=frozenset({ACCESS_ADMIN} | REDIRECTS),
        page=frozenset(_ALL_PAGES),
        collection=frozenset(DOCUMENT_ADD | DOCUMENT_CHANGE | DOCUMENT_CHOOSE | DOCUMENT_DELETE),
        all_settings=True,
    ),
    # Everything, including users, groups and units — except the confidential traffic data
    # (R40), which only the named traffic coordinator may open.
    Role.ADMINISTRATOR: RolePermissions(
        page=frozenset(_ALL_PAGES),
        collection=frozenset(DOCUMENT_ADD | DOCUMENT_CHANGE | DOCUMENT_CHOOSE | DOCUMENT_DELETE),
        all_models_except_apps=frozenset({"trafficlog"}),
        all_settings=True,
    ),
    Role.TRAFFIC_COORDINATOR: RolePermissions(model=frozenset({ACCESS_ADMIN})),
    Role.MODERATOR: RolePermissions(model=frozenset({ACCESS_ADMIN})),
    Role.EXECUTIVE: RolePermissions(model=frozenset({ACCESS_ADMIN})),
}

# Roles whose members must sign in with a second factor (R41).
ROLES_REQUIRING_TWO_FACTOR = (Role.ADMINISTRATOR, Role.WEBMASTER, Role.TRAFFIC_COORDINATOR)
