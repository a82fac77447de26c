from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from abaque.meetings.models import Round
from abaque.meetings.votes import log_mismatches, replay_log


class Command(BaseCommand):
    help = gettext_lazy("Reconstruit chaque matrice depuis le journal des votes et la compare à ce qui est enregistré.")

    def add_arguments(self, parser):
        parser.add_argument("meeting_id", nargs="?", type=int, help=_("une seule séance (par défaut : toutes)"))

    def handle(self, *args, meeting_id=None, **options):
        rounds = Round.objects.select_related("meeting").order_by("meeting_id", "number")
        if meeting_id is not None:
            rounds = rounds.filter(meeting_id=meeting_id)
        problems = 0
        for round_ in rounds:
            mismatches = log_mismatches(round_)
            problems += len(mismatches)
            status = (
                _("conforme")
                if not mismatches
                else ngettext("%(n)d écart", "%(n)d écarts", len(mismatches)) % {"n": len(mismatches)}
            )
            self.stdout.write(
                _("Séance %(id)s « %(title)s », tour %(number)s : ")
                % {"id": round_.meeting_id, "title": round_.meeting.title, "number": round_.number}
                + ngettext("%(n)d vote au journal", "%(n)d votes au journal", len(replay_log(round_)))
                % {"n": len(replay_log(round_))}
                + _(", %(status)s") % {"status": status}
            )
            for item, participant, logged, stored in mismatches:
                self.stdout.write(
                    _("  item %(item)s, participant %(participant)s : journal %(logged)s, base %(stored)s")
                    % {
                        "item": item,
                        "participant": participant,
                        "logged": logged or _("vide"),
                        "stored": stored or _("vide"),
                    }
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
        self.stdout.write(self.style.SUCCESS(_("Tous les votes enregistrés correspondent au journal.")))
