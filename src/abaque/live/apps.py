from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "abaque.live"
    label = "live"
