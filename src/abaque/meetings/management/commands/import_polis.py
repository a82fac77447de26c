"""`abaque import_polis PATH`: a Pol.is export folder (or its
participants-votes.csv) becomes a séance."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.analysis.polis import is_polis, read_polis
from abaque.analysis.spreadsheet import MatrixFileError
from abaque.meetings.polis_import import import_polis


class Erreur(CommandError):
    """Django prints the class name before the message: keep that line French."""


class Command(BaseCommand):
    help = gettext_lazy("Importe un export Pol.is (dossier ou participants-votes.csv) comme une séance.")

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--user", help=_("identifiant de l'animateur (par défaut : le premier administrateur)"))
        parser.add_argument("--title", help=_("titre de la séance (par défaut : le nom du dossier)"))

    def handle(self, *args, path, user=None, title=None, **options):
        source = Path(path)
        if not source.exists() or not is_polis(source):
            raise Erreur(_("%(path)s : ni dossier d'export Pol.is ni participants-votes.csv.") % {"path": source})
        users = get_user_model().objects
        owner = users.filter(username=user).first() if user else users.filter(is_superuser=True).order_by("pk").first()
        owner = owner or users.order_by("pk").first()
        if owner is None:
            raise Erreur(_("Aucun compte : créez d'abord un compte animateur."))
        try:
            export = read_polis(source)
        except MatrixFileError as error:
            raise Erreur(str(error)) from None
        folder = source if source.is_dir() else source.parent
        meeting, summary = import_polis(export, owner, title or folder.name)
        self.stdout.write(
            _("Séance n° %(id)s « %(title)s ». %(summary)s")
            % {"id": meeting.pk, "title": meeting.title, "summary": summary}
        )
