"""Wagtail integration: document windows on serve, admin pages, menu items, dashboard panel."""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from prongsai.accounts.permissions import RoleMenuItem

from . import admin_views, permissions
from .models import ExpiredItem
from .views import gone_response
from .windows import document_expired, document_in_window


@hooks.register("before_serve_document")
def refuse_documents_outside_their_window(document, request):
    """R30: a document before its window is not found; after it, the Thai 410 notice."""
    if document_in_window(document):
        return None
    if document_expired(document):
        item = ExpiredItem.objects.filter(
            kind=ExpiredItem.Kind.DOCUMENT, object_id=document.pk
        ).first() or ExpiredItem(title=document.title, expired_at=document.publish_until)
        return gone_response(request, item)
    raise Http404


admin_urlpatterns = [
    path("daily-check/", admin_views.daily_check, name="daily_check"),
    path("daily-check/rerun/", admin_views.rerun_daily_check, name="rerun_daily_check"),
    path("reviews/", admin_views.my_reviews, name="my_reviews"),
    path("reviews/<int:schedule_id>/act/", admin_views.review_action, name="review_action"),
    path("reviews/page/<int:page_id>/", admin_views.review_settings, name="review_settings"),
    path("expired/", admin_views.expired_archive, name="expired_archive"),
    path(
        "reports/stale-content/",
        admin_views.StaleContentReportView.as_view(),
        name="stale_content",
    ),
    path(
        "reports/stale-content/results/",
        admin_views.StaleContentReportView.as_view(results_only=True),
        name="stale_content_results",
    ),
]


@hooks.register("register_admin_urls")
def register_monitoring_admin_urls():
    return [path("monitoring/", include((admin_urlpatterns, "monitoring_admin")))]


@hooks.register("register_admin_menu_item")
def register_daily_check_menu_item():
    return RoleMenuItem(
        _("ตรวจเว็บไซต์ประจำวัน"),
        reverse("monitoring_admin:daily_check"),
        allowed=permissions.can_view_daily_check,
        name="daily-check",
        icon_name="tasks",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def register_my_reviews_menu_item():
    return MenuItem(
        _("งานทบทวนเนื้อหา"),
        reverse("monitoring_admin:my_reviews"),
        name="my-reviews",
        icon_name="time",
        order=260,
    )


@hooks.register("register_reports_menu_item")
def register_stale_content_report():
    return RoleMenuItem(
        _("เนื้อหาค้างทบทวน"),
        reverse("monitoring_admin:stale_content"),
        allowed=permissions.can_view_daily_check,
        name="stale-content",
        icon_name="time",
        order=700,
    )


@hooks.register("register_reports_menu_item")
def register_expired_archive():
    return MenuItem(
        _("รายการที่หมดระยะเผยแพร่"),
        reverse("monitoring_admin:expired_archive"),
        name="expired-items",
        icon_name="history",
        order=710,
    )


class MonitoringPanel(Component):
    """Dashboard: missed periodic runs, too few webmasters, unsigned days, reviews due for me."""

    name = "monitoring"
    template_name = "monitoring/admin/dashboard_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from . import daily, reviews
        from .jobrunner import missed_runs
        from .selectors import webmaster_shortage

        staff_view = permissions.can_view_daily_check(self.request.user)
        return {
            "staff_view": staff_view,
            "missed": missed_runs() if staff_view else [],
            "webmaster_shortage": webmaster_shortage() if staff_view else None,
            "unsigned_days": daily.unsigned_days(days=7) if staff_view else [],
            "my_reviews": reviews.reviews_for_user(self.request.user),
        }


@hooks.register("construct_homepage_panels")
def add_monitoring_panel(request, panels):
    panels.insert(0, MonitoringPanel(request))
