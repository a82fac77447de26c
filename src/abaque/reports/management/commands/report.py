"""abaque report SEANCE_ID --format pdf|odt|xlsx|csv|json -o FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.meetings.models import Meeting
from abaque.reports.formats import FORMATS, filename, render


class Command(BaseCommand):
    help = gettext_lazy("Produit le compte-rendu d'une séance (PDF, ODT, XLSX, CSV ou JSON).")

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int, metavar="SEANCE_ID", help=_("numéro de la séance"))
        parser.add_argument(
            "--format", "-f", choices=list(FORMATS), default="pdf", help=_("format du fichier (pdf par défaut)")
        )
        parser.add_argument("-o", "--output", help=_("fichier à écrire (par défaut : nom tiré de la séance)"))

    def handle(self, meeting_id, format, output, **options):
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(_("Séance introuvable : il n'y a pas de séance numéro %(id)s.") % {"id": meeting_id})
        data = render(meeting, format)
        path = Path(output or filename(meeting, format))
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(
                _("Impossible d'écrire %(path)s : %(reason)s.") % {"path": path, "reason": error.strerror}
            ) from error
        self.stdout.write(
            _("Compte-rendu écrit dans %(path)s (%(size)s Ko).") % {"path": path, "size": len(data) // 1024 + 1}
        )
