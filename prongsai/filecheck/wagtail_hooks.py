from wagtail import hooks

from .services import REFUSED_ACTION, REFUSED_LABEL


@hooks.register("register_log_actions")
def register_filecheck_log_actions(actions):
    actions.register_action(REFUSED_ACTION, REFUSED_LABEL, REFUSED_LABEL)
