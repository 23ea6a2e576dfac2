from django.urls import path

from . import views

app_name = "compliance"
urlpatterns = [
    path("oit/", views.oit_index, name="oit-index"),
    path("oit/<slug:slug>/", views.oit_page, name="oit-page"),
    path("oit/<slug:slug>/export.xlsx", views.oit_export, {"fmt": "xlsx"}, name="oit-xlsx"),
    path("oit/<slug:slug>/export.csv", views.oit_export, {"fmt": "csv"}, name="oit-csv"),
]
