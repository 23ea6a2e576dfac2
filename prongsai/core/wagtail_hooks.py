"""Core admin hooks: the staff guides in Wagtail's help menu (R44)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, audit
from .guides import GUIDES


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [path("help/<slug:slug>/", admin_views.guide, name="core_guide")]


def _guide_menu_item(guide, order):
    @hooks.register("register_help_menu_item")
    def menu_item():
        return MenuItem(
            guide.title,
            reverse("core_guide", args=[guide.slug]),
            name=f"guide-{guide.slug}",
            icon_name="doc-full",
            order=order,
        )


for _order, _guide in enumerate(GUIDES, start=100):
    _guide_menu_item(_guide, _order)


@hooks.register("construct_help_menu")
def drop_upstream_release_notes(request, menu_items):
    # "What's new in Wagtail" is an English page about upgrades, not for an agency's staff.
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new")]


@hooks.register("insert_global_admin_css")
def admin_css():
    # Guides' typography and Thai-friendly listings on narrow screens (core/css/guide.css).
    return format_html('<link rel="stylesheet" href="{}">', static("core/css/guide.css"))


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register(actions)
