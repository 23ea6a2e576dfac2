from django.urls import path

from . import views

app_name = "trafficlog"
# Not registered through Wagtail's register_admin_urls on purpose: Wagtail would redirect a
# user without admin access before this view could refuse with 403 and record the attempt.
urlpatterns = [path("admin/traffic-data/", views.traffic_search, name="search")]
