from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "abaque.reports"
    label = "reports"
