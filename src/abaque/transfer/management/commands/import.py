from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from abaque.transfer import archive, load


class Command(BaseCommand):
    help = "Importe une archive de séance ou de démarche ; la même archive importée deux fois met à jour (fusion)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="l'archive (.zip) exportée par Abaque")
        parser.add_argument("--user", help="l'identifiant de l'animateur qui la reçoit (par défaut : le seul compte)")
        parser.add_argument("--apercu", action="store_true", help="montrer ce qui serait importé, sans rien importer")

    def handle(self, *args, file, user=None, apercu=False, **options):
        owner = self._owner(user)
        try:
            arch = archive.read(file)
            seen = load.preview(arch, owner)
            self._show(seen)
            if apercu:
                return
            outcome = (load.import_seance if seen["kind"] == "seance" else load.import_demarche)(arch, owner)
        except FileNotFoundError:
            raise CommandError(f"Fichier introuvable : {file}") from None
        except archive.ArchiveError as error:
            raise CommandError(str(error)) from None
        verb = "mise à jour" if outcome.updated else "importée"
        self.stdout.write(self.style.SUCCESS(f"« {outcome.root} » {verb} (n° {outcome.root.pk})."))

    def _owner(self, username):
        users = get_user_model().objects.all()
        if username:
            found = users.filter(username=username).first()
            if found is None:
                raise CommandError(f"Aucun compte « {username} ».")
            return found
        if users.count() != 1:
            raise CommandError("Précisez le compte qui reçoit l'archive : --user IDENTIFIANT.")
        return users.get()

    def _show(self, seen):
        kind = "Séance" if seen["kind"] == "seance" else "Démarche"
        self.stdout.write(
            f"{kind} « {seen['title']} » (format {seen['format_version']}, Abaque {seen['app_version']}, créée le {seen['created_at']})"
        )
        for label, number in seen["counts"]:
            self.stdout.write(f"  {label} : {number}")
        if seen["existing"] is not None:
            self.stdout.write(
                f"Déjà présente ici (n° {seen['existing'].pk}) : l'import la met à jour, sans rien effacer."
            )
