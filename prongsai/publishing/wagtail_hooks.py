from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from prongsai.accounts.roles import Role, user_has_role
from prongsai.core.snippet_choosers import ProngsaiSnippetViewSet

from . import admin_urls, selectors
from .models import AgencyHoliday, ApprovalRoute, InformationClass


@hooks.register("register_admin_urls")
def register_publishing_urls():
    return [path("publish-requests/", include(admin_urls, namespace="publishing_admin"))]


@hooks.register("register_admin_menu_item")
def register_publishing_menu():
    return MenuItem(_("คำขอเผยแพร่"), reverse("publishing_admin:list"), icon_name="form", order=210)


class InformationClassViewSet(ProngsaiSnippetViewSet):
    model = InformationClass
    icon = "tag"
    list_display = ["name", "route"]


class ApprovalRouteViewSet(ProngsaiSnippetViewSet):
    model = ApprovalRoute
    icon = "list-ol"
    list_display = ["name", "kind"]


class AgencyHolidayViewSet(ProngsaiSnippetViewSet):
    model = AgencyHoliday
    icon = "date"
    list_display = ["date", "name"]


class PublishingSettingsGroup(SnippetViewSetGroup):
    items = (InformationClassViewSet, ApprovalRouteViewSet, AgencyHolidayViewSet)
    menu_icon = "cog"
    menu_label = _("ตั้งค่าการเผยแพร่")
    menu_name = "publishing-settings"
    menu_order = 820


register_snippet(PublishingSettingsGroup)


class _Panel(Component):
    template_name = "publishing/panels/requests_panel.html"

    def __init__(self, name, title, items, *, order):
        self.name, self.title, self.items, self.order = name, title, items, order

    def get_context_data(self, parent_context):
        return {"title": self.title, "items": self.items, "panel_name": self.name}


@hooks.register("construct_homepage_panels")
def add_publishing_panels(request, panels):
    user = request.user
    waiting = selectors.awaiting_user(user)
    if waiting:
        panels.append(
            _Panel("publishing-waiting", _("คำขอเผยแพร่ที่รอท่านดำเนินการ"), waiting, order=50)
        )
    if user_has_role(user, Role.WEBMASTER) or user_has_role(user, Role.APPROVER):
        overdue = list(selectors.overdue_requests())
        if overdue:
            panels.append(_Panel("publishing-overdue", _("คำขอที่เผยแพร่เกินกำหนด"), overdue, order=51))
        verbal = [v.request for v in selectors.unconfirmed_verbal_approvals()]
        if verbal:
            panels.append(
                _Panel(
                    "publishing-verbal",
                    _("การอนุมัติด้วยวาจาที่ยังไม่ได้รับการยืนยัน"),
                    verbal,
                    order=52,
                )
            )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_route_workflow_after_edit(request, instance):
    # Keep the route's Wagtail workflow (one task per step) in step with what was just saved.
    if isinstance(instance, ApprovalRoute):
        from .workflows import sync_route_workflow

        sync_route_workflow(instance)


def _refuse_direct_publish(request, category, redirect_to):
    from django.contrib import messages
    from django.shortcuts import redirect

    from .direct import may_publish_directly, refusal_message

    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if may_publish_directly(request.user, category):
        return None
    # Refused before Wagtail saves anything: no page, no revision, nothing published.
    messages.error(request, refusal_message(category))
    return redirect(redirect_to)


def _explain_direct_publish(request, category):
    from django.contrib import messages

    from .direct import may_publish_directly

    if request.method == "GET" and category and not may_publish_directly(request.user, category):
        messages.info(
            request,
            _("หน้าในหมวดนี้เผยแพร่ได้ผ่านคำขอเผยแพร่ที่ได้รับอนุมัติเท่านั้น ท่านบันทึกฉบับร่างได้ แต่ปุ่มเผยแพร่จะไม่แสดง"),
        )


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    from .direct import page_category

    category = page_category(page_class)
    _explain_direct_publish(request, category)
    return _refuse_direct_publish(request, category, request.get_full_path())


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    from .direct import page_category

    category = page_category(page)
    _explain_direct_publish(request, category)
    return _refuse_direct_publish(request, category, request.get_full_path())


@hooks.register("register_admin_viewset")
def register_direct_publication_listing():
    from .listing import publication_pages_viewset

    return publication_pages_viewset
