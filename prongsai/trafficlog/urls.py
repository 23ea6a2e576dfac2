from django.urls import path

from . import coordinator_views, views

app_name = "trafficlog"
# Outside /admin/ on purpose: Wagtail's admin URLs (and its catch-all) would redirect a
# user without admin access before this view could refuse with 403 and record the attempt.
urlpatterns = [
    path("staff/traffic-data/", views.traffic_search, name="search"),
    path("staff/traffic-data/holds/", views.traffic_holds, name="holds"),
    path("staff/traffic-data/holds/<int:pk>/end/", views.traffic_hold_end, name="hold_end"),
    path("staff/traffic-data/verify/", coordinator_views.traffic_verify, name="verify"),
    path("staff/traffic-data/accesses/", coordinator_views.traffic_accesses, name="accesses"),
]
