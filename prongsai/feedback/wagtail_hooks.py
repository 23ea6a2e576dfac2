from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from prongsai.accounts.permissions import RoleMenuItem
from prongsai.core.snippet_choosers import ProngsaiSnippetViewSet

from . import admin_views
from .models import RespondentGroup, SurveyQuestion
from .permissions import can_moderate, can_see_reports


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("feedback/questions/", admin_views.question_queue, name="feedback_question_queue"),
        path(
            "feedback/questions/<int:pk>/",
            admin_views.moderate_question,
            name="feedback_question_moderate",
        ),
        path("feedback/survey/", admin_views.survey_report, name="feedback_survey_report"),
    ]


@hooks.register("register_admin_menu_item")
def question_board_menu_item():
    return RoleMenuItem(
        _("กระดานถาม-ตอบ"),
        reverse("feedback_question_queue"),
        allowed=can_moderate,
        name="qa-board",
        icon_name="help",
        order=350,
    )


@hooks.register("register_reports_menu_item")
def survey_report_menu_item():
    return RoleMenuItem(
        _("ผลการประเมินความพึงพอใจ"),
        reverse("feedback_survey_report"),
        allowed=can_see_reports,
        name="satisfaction-report",
        icon_name="list-ul",
        order=910,
    )


class SurveyQuestionViewSet(ProngsaiSnippetViewSet):
    model = SurveyQuestion
    icon = "list-ul"
    list_display = ["text", "sort_order", "is_active"]


class RespondentGroupViewSet(ProngsaiSnippetViewSet):
    model = RespondentGroup
    icon = "group"
    list_display = ["name", "sort_order", "is_active"]


class SurveyViewSetGroup(SnippetViewSetGroup):
    items = (SurveyQuestionViewSet, RespondentGroupViewSet)
    menu_icon = "list-ul"
    menu_label = _("แบบประเมินความพึงพอใจ")
    menu_name = "satisfaction-survey"


register_snippet(SurveyViewSetGroup)
