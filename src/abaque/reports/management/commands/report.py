"""abaque report SEANCE_ID --format pdf|odt|xlsx|csv|json -o FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from abaque.meetings.models import Meeting
from abaque.reports.formats import FORMATS, filename, render


class Command(BaseCommand):
    help = "Produit le compte-rendu d'une séance (PDF, ODT, XLSX, CSV ou JSON)."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int, metavar="SEANCE_ID", help="numéro de la séance")
        parser.add_argument(
            "--format", "-f", choices=list(FORMATS), default="pdf", help="format du fichier (pdf par défaut)"
        )
        parser.add_argument("-o", "--output", help="fichier à écrire (par défaut : nom tiré de la séance)")

    def handle(self, meeting_id, format, output, **options):
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(f"Séance introuvable : il n'y a pas de séance numéro {meeting_id}.")
        data = render(meeting, format)
        path = Path(output or filename(meeting, format))
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Impossible d'écrire {path} : {error.strerror}.") from error
        self.stdout.write(f"Compte-rendu écrit dans {path} ({len(data) // 1024 + 1} Ko).")
