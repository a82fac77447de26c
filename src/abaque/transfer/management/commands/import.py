from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.transfer import archive, load


class Command(BaseCommand):
    help = gettext_lazy(
        "Importe une archive de séance ou de démarche ; la même archive importée deux fois met à jour (fusion)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("l'archive (.zip) exportée par Abaque"))
        parser.add_argument(
            "--user", help=gettext_lazy("l'identifiant de l'animateur qui la reçoit (par défaut : le seul compte)")
        )
        parser.add_argument(
            "--apercu", action="store_true", help=gettext_lazy("montrer ce qui serait importé, sans rien importer")
        )

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
            raise CommandError(_("Fichier introuvable : %(path)s") % {"path": file}) from None
        except archive.ArchiveError as error:
            raise CommandError(str(error)) from None
        done = (
            _("« %(title)s » mise à jour (n° %(id)s).") if outcome.updated else _("« %(title)s » importée (n° %(id)s).")
        )
        self.stdout.write(self.style.SUCCESS(done % {"title": outcome.root, "id": outcome.root.pk}))

    def _owner(self, username):
        users = get_user_model().objects.all()
        if username:
            found = users.filter(username=username).first()
            if found is None:
                raise CommandError(_("Aucun compte « %(name)s ».") % {"name": username})
            return found
        if users.count() != 1:
            raise CommandError(_("Précisez le compte qui reçoit l'archive : --user IDENTIFIANT."))
        return users.get()

    def _show(self, seen):
        if seen["kind"] == "seance":
            head = _("Séance « %(title)s » (format %(format)s, Abaque %(version)s, créée le %(created)s)")
        else:
            head = _("Démarche « %(title)s » (format %(format)s, Abaque %(version)s, créée le %(created)s)")
        values = {
            "title": seen["title"],
            "format": seen["format_version"],
            "version": seen["app_version"],
            "created": seen["created_at"],
        }
        self.stdout.write(head % values)
        for label, number in seen["counts"]:
            self.stdout.write("  " + _("%(label)s : %(number)s") % {"label": label, "number": number})
        if seen["existing"] is not None:
            self.stdout.write(
                _("Déjà présente ici (n° %(id)s) : l'import la met à jour, sans rien effacer.")
                % {"id": seen["existing"].pk}
            )
