from django.urls import path

from . import views

app_name = "publishing_admin"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("export.xlsx", views.request_export, name="export"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_resubmit_view, name="resubmit"),
    path("<int:pk>/decide/", views.request_decide, name="decide"),
    path("<int:pk>/publish/", views.request_publish_view, name="publish"),
    path("<int:pk>/send-back/", views.request_send_back_view, name="send_back"),
    path("<int:pk>/verbal/", views.verbal_record_view, name="verbal"),
    path("<int:pk>/verbal/confirm/", views.verbal_confirm_view, name="verbal_confirm"),
    path("<int:pk>/form.pdf", views.request_pdf, name="pdf"),
    path("direct/<int:pk>/record.pdf", views.direct_pdf, name="direct_pdf"),
]
