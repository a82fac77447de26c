from django.core.management.base import BaseCommand, CommandError

from abaque.transfer.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restaure une sauvegarde faite par « abaque backup » (serveur arrêté)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="la sauvegarde (.zip)")
        parser.add_argument("--force", action="store_true", help="écraser les données déjà présentes")

    def handle(self, *args, file, force=False, **options):
        try:
            manifest = restore(file, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Sauvegarde du {manifest['created_at']} restaurée."))
