from django.urls import path

from . import views

app_name = "inforequests"
urlpatterns = [
    path("information-requests/", views.ask, name="ask"),
    path("information-requests/<str:reference>/<str:token>/", views.track, name="track"),
]
