from django.urls import path

from . import views

app_name = "prongsai_accounts"
urlpatterns = [
    path("password/", views.ChangeOwnPasswordView.as_view(), name="change_password"),
    path("two-factor/", views.EnrolView.as_view(), name="enrol"),
    path("two-factor/verify/", views.VerifyView.as_view(), name="verify"),
    path(
        "users/<int:pk>/two-factor-reset/",
        views.TwoFactorResetView.as_view(),
        name="two_factor_reset",
    ),
]
