from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "abaque.accounts"
    label = "accounts"
