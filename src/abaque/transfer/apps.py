from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "abaque.transfer"
    verbose_name = "Archives, sauvegarde et restauration"
