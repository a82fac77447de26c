from django.apps import AppConfig


class OnlineConfig(AppConfig):
    name = "abaque.online"
    label = "online"
    verbose_name = "Consultation en ligne"
