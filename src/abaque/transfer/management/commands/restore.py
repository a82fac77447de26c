from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.transfer.backup import BackupError, restore


class Command(BaseCommand):
    help = gettext_lazy("Restaure une sauvegarde faite par « abaque backup » (serveur arrêté).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("la sauvegarde (.zip)"))
        parser.add_argument("--force", action="store_true", help=gettext_lazy("écraser les données déjà présentes"))

    def handle(self, *args, file, force=False, **options):
        try:
            manifest = restore(file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(_("Sauvegarde du %(created)s restaurée.") % {"created": manifest["created_at"]})
        )
