from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "prongsai.accounts"
    label = "accounts"
