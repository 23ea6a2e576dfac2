from django.urls import path

from . import api

app_name = "parentbody"
urlpatterns = [
    path("api/parentbody/v1/reports/", api.receive_report, name="api-reports"),
]
