from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("survey/", views.survey, name="survey"),
    path("survey/thanks/", views.survey_thanks, name="survey-thanks"),
    path("questions/", views.question_list, name="questions"),
    path("questions/ask/", views.ask, name="ask"),
    path("questions/ask/sent/", views.ask_sent, name="ask-sent"),
    path("questions/<int:pk>/", views.question_detail, name="question"),
    path("questions/<int:pk>/track/<str:token>/", views.track, name="track"),
]
