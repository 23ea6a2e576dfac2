from django.urls import path

from . import coordinator_views, session_views, views

app_name = "prongsai_accounts"
urlpatterns = [
    path("password/", views.ChangeOwnPasswordView.as_view(), name="change_password"),
    path("two-factor/", views.EnrolView.as_view(), name="enrol"),
    path("two-factor/verify/", views.VerifyView.as_view(), name="verify"),
    path("sessions/", session_views.MySessionsView.as_view(), name="my_sessions"),
    path(
        "users/<int:pk>/sessions/",
        session_views.UserSessionsView.as_view(),
        name="user_sessions",
    ),
    path("users/<int:pk>/unlock/", views.UnlockSignInView.as_view(), name="unlock_sign_in"),
    path(
        "traffic-coordinator/",
        coordinator_views.CoordinatorRoleView.as_view(),
        name="coordinator_role",
    ),
    path(
        "users/<int:pk>/two-factor-reset/",
        views.TwoFactorResetView.as_view(),
        name="two_factor_reset",
    ),
]
