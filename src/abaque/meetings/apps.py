from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "abaque.meetings"
    label = "meetings"
    verbose_name = "Séances"
