"""`abaque export_polis ID DIR`: a séance's round in Pol.is's layout."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.meetings.models import Meeting
from abaque.meetings.polis_export import polis_files


class Command(BaseCommand):
    help = gettext_lazy(
        "Exporte une séance au format Pol.is (participants-votes.csv, comments.csv, votes.csv, summary.csv)."
    )

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", type=int)
        parser.add_argument("folder")
        parser.add_argument("--round", type=int, help=_("numéro du tour (par défaut : le dernier)"))

    def handle(self, *args, meeting_id, folder, round=None, **options):
        meeting = Meeting.objects.filter(pk=meeting_id).first()
        if meeting is None:
            raise CommandError(_("Séance n° %(id)s introuvable.") % {"id": meeting_id})
        round_ = meeting.rounds.filter(number=round).first() if round else meeting.rounds.order_by("-number").first()
        if round_ is None:
            raise CommandError(_("Tour introuvable."))
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        for name, text in polis_files(round_).items():
            (target / name).write_text(text, encoding="utf-8")
        self.stdout.write(
            _("Export Pol.is du tour %(number)s écrit dans %(folder)s (VG, G → 1 ; R, RR → -1 ; O, W, B → 0).")
            % {"number": round_.number, "folder": target}
        )
