"""Admin: the completeness dashboard and the catalogue / evidence editors (snippets)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from prongsai.accounts.permissions import RoleMenuItem
from prongsai.core.snippet_choosers import ProngsaiSnippetViewSet

from . import admin_views, permissions
from .models import Catalogue, CatalogueItem, EvidenceLink, NotApplicable

admin_urlpatterns = [
    path("", admin_views.dashboard_index, name="index"),
    path("<slug:slug>/", admin_views.dashboard_detail, name="detail"),
    path(
        "<slug:slug>/items/<int:item_pk>/evidence/",
        admin_views.add_evidence,
        name="add-evidence",
    ),
    path(
        "<slug:slug>/items/<int:item_pk>/evidence/<int:link_pk>/remove/",
        admin_views.remove_evidence,
        name="remove-evidence",
    ),
    path(
        "<slug:slug>/items/<int:item_pk>/not-applicable/",
        admin_views.mark_not_applicable,
        name="not-applicable",
    ),
    path(
        "<slug:slug>/items/<int:item_pk>/not-applicable/clear/",
        admin_views.clear_not_applicable,
        name="clear-not-applicable",
    ),
]


@hooks.register("register_admin_urls")
def register_compliance_urls():
    return [path("compliance/", include((admin_urlpatterns, "compliance_admin")))]


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return RoleMenuItem(
        _("ความครบถ้วน ITA/OIT"),
        reverse("compliance_admin:index"),
        allowed=permissions.can_view_dashboard,
        icon_name="tasks",
        order=50,
    )


class CatalogueViewSet(ProngsaiSnippetViewSet):
    model = Catalogue
    icon = "list-ul"
    menu_label = _("รายการตรวจ")
    list_display = ["title", "slug", "scheme", "year", "is_active"]
    list_filter = ["scheme", "is_active"]


class CatalogueItemViewSet(ProngsaiSnippetViewSet):
    model = CatalogueItem
    icon = "tasks"
    menu_label = _("ข้อในรายการตรวจ")
    list_display = ["code", "title_th", "catalogue", "period", "unverified"]
    list_filter = ["catalogue", "period", "unverified"]
    search_fields = ["code", "title_th", "title_en"]


class EvidenceLinkViewSet(ProngsaiSnippetViewSet):
    model = EvidenceLink
    icon = "link"
    menu_label = _("ลิงก์หลักฐาน")
    list_display = ["item", "page", "document", "note"]
    list_filter = ["item__catalogue"]
    panels = [
        FieldPanel("item"),
        FieldPanel("site"),
        FieldPanel("page"),
        FieldPanel("document"),
        FieldPanel("note"),
    ]


class NotApplicableViewSet(ProngsaiSnippetViewSet):
    model = NotApplicable
    icon = "cross"
    menu_label = _("ข้อที่ไม่เกี่ยวข้อง")
    list_display = ["item", "reason"]
    list_filter = ["item__catalogue"]


class ComplianceViewSetGroup(SnippetViewSetGroup):
    items = (CatalogueViewSet, CatalogueItemViewSet, EvidenceLinkViewSet, NotApplicableViewSet)
    menu_icon = "tasks"
    menu_label = _("เกณฑ์ ITA/OIT")
    menu_name = "compliance"


register_snippet(ComplianceViewSetGroup)
