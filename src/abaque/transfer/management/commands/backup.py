from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.transfer.backup import BackupError, backup


class Command(BaseCommand):
    help = gettext_lazy("Sauvegarde toute l'installation (base de données, enregistrements), même pendant une séance.")

    def add_arguments(self, parser):
        parser.add_argument(
            "-o", "--output", required=True, help=gettext_lazy("le fichier de sauvegarde à écrire (.zip)")
        )
        parser.add_argument(
            "--avec-cle",
            action="store_true",
            dest="with_key",
            help=gettext_lazy("inclure la clé secrète (le fichier devient alors secret)"),
        )

    def handle(self, *args, output, with_key=False, **options):
        try:
            backup(Path(output), with_secret_key=with_key)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(_("Sauvegarde écrite dans %(path)s.") % {"path": output}))
        if with_key:
            self.stdout.write(
                self.style.WARNING(
                    _("Elle contient la clé secrète du serveur : gardez-la en lieu sûr, comme le serveur lui-même.")
                )
            )
        else:
            self.stdout.write(_("Sans la clé secrète : après restauration, chacun se reconnecte une fois."))
