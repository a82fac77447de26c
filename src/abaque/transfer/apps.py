from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransferConfig(AppConfig):
    name = "abaque.transfer"
    verbose_name = _("Archives, sauvegarde et restauration")
