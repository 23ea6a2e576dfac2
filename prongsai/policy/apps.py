from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "prongsai.policy"
    label = "policy"
    verbose_name = "นโยบายของหน่วยงาน"

    def ready(self):
        # The main menu follows the agency's categories, order and wording; core keeps the
        # menu in memory per site generation and cannot import this app (docs/adr/0281).
        from prongsai.core import sitestate

        from .selectors import menu_categories

        sitestate.menu_categories = menu_categories
