from django.urls import path

from . import admin_views as views

app_name = "reports_admin"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("open/", views.report_open, name="open"),
    path("executive/", views.executive_dashboard, name="executive"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/action/", views.report_action, name="action"),
    path("<int:pk>/report.pdf", views.report_pdf, name="pdf"),
    path("<int:pk>/report.xlsx", views.report_xlsx, name="xlsx"),
]
