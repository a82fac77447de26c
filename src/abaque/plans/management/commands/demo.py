import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from abaque.plans.demo import load_all, remove


class Command(BaseCommand):
    @property
    def help(self):  # read when the parser is made, in the active language
        return _(
            "Charge la démo (une séance complète et sa démarche, marquées « Démo ») pour un animateur ; "
            "elle remplace sa démo précédente. --retirer la retire seulement."
        )

    def add_arguments(self, parser):
        parser.add_argument("--user", help=_("identifiant de l'animateur (par défaut : le premier administrateur)"))
        parser.add_argument("--retirer", action="store_true", help=_("retirer la démo, sans toucher au reste"))

    def handle(self, *args, **options):
        user = self._user(options["user"])
        if options["retirer"]:
            meetings, processes = remove(user)
            removed = _("Démo retirée : %(meetings)s et %(processes)s.") % {
                "meetings": ngettext("%(n)d séance", "%(n)d séances", meetings) % {"n": meetings},
                "processes": ngettext("%(n)d démarche", "%(n)d démarches", processes) % {"n": processes},
            }
            self.stdout.write(self.style.SUCCESS(removed))
            return
        meeting = load_all(user)
        n_participants, n_items, n_rounds = meeting.participants.count(), meeting.items.count(), meeting.rounds.count()
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Séance de démonstration créée : « %(title)s » (%(participants)s, %(items)s, %(rounds)s) pour %(user)s."
                )
                % {
                    "title": meeting.title,
                    "participants": ngettext("%(n)d participant", "%(n)d participants", n_participants)
                    % {"n": n_participants},
                    "items": ngettext("%(n)d item", "%(n)d items", n_items) % {"n": n_items},
                    "rounds": ngettext("%(n)d tour", "%(n)d tours", n_rounds) % {"n": n_rounds},
                    "user": user.username,
                }
            )
        )

    def _user(self, username):
        User = get_user_model()
        if username:
            try:
                return User.objects.get(username=username)
            except User.DoesNotExist:
                raise CommandError(_("Aucun animateur « %(username)s ».") % {"username": username}) from None
        user = User.objects.filter(is_superuser=True).order_by("pk").first() or User.objects.order_by("pk").first()
        if user:
            return user
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser("demo", "", password, first_name=_("Animateur de démonstration"))
        self.stdout.write(
            _("Aucun compte : compte « demo » créé, mot de passe : %(password)s") % {"password": password}
        )
        return user
