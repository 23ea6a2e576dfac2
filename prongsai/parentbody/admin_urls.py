from django.urls import path

from . import views

app_name = "parentbody_admin"
urlpatterns = [
    path("", views.board, name="board"),
    path("rounds/<int:pk>/", views.round_board, name="round"),
    path("rounds/<int:pk>/aggregate.pdf", views.round_export, {"fmt": "pdf"}, name="round-pdf"),
    path("rounds/<int:pk>/aggregate.xlsx", views.round_export, {"fmt": "xlsx"}, name="round-xlsx"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/action/", views.submission_action, name="submission-action"),
    path("submissions/<int:pk>/report.pdf", views.submission_pdf, name="submission-pdf"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("agencies/<int:pk>/access/", views.agency_access, name="agency-access"),
    path("my/", views.my_reports, name="mine"),
    path("my/<int:round_pk>/", views.report_form, name="form"),
]
