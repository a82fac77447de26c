from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from abaque.meetings.models import Round
from abaque.meetings.votes import log_mismatches, replay_log


class Command(BaseCommand):
    help = "Reconstruit chaque matrice depuis le journal des votes et la compare à ce qui est enregistré."

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", nargs="?", type=int, help="une seule séance (par défaut : toutes)")

    def handle(self, *args, meeting_id=None, **options):
        rounds = Round.objects.select_related("meeting").order_by("meeting_id", "number")
        if meeting_id is not None:
            rounds = rounds.filter(meeting_id=meeting_id)
        problems = 0
        for round_ in rounds:
            mismatches = log_mismatches(round_)
            problems += len(mismatches)
            status = (
                "conforme"
                if not mismatches
                else ngettext("%(n)d écart", "%(n)d écarts", len(mismatches)) % {"n": len(mismatches)}
            )
            self.stdout.write(
                f"Séance {round_.meeting_id} « {round_.meeting.title} », tour {round_.number} : "
                + ngettext("%(n)d vote au journal", "%(n)d votes au journal", len(replay_log(round_)))
                % {"n": len(replay_log(round_))}
                + f", {status}"
            )
            for item, participant, logged, stored in mismatches:
                self.stdout.write(
                    f"  item {item}, participant {participant} : journal {logged or 'vide'}, base {stored or 'vide'}"
                )
        if problems:
            raise CommandError(
                ngettext(
                    "%(n)d écart entre le journal et les votes enregistrés.",
                    "%(n)d écarts entre le journal et les votes enregistrés.",
                    problems,
                )
                % {"n": problems}
            )
        self.stdout.write(self.style.SUCCESS("Tous les votes enregistrés correspondent au journal."))
