from django.apps import AppConfig


class DebateConfig(AppConfig):
    name = "abaque.debate"
    label = "debate"
