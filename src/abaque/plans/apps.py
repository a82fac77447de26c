from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "abaque.plans"
    label = "plans"
