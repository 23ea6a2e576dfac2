from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import ACTION


@hooks.register("register_log_actions")
def register_policy_actions(actions):
    label = _("แก้ไขนโยบายเว็บไซต์ของหน่วยงาน")
    actions.register_action(ACTION, label, label)
