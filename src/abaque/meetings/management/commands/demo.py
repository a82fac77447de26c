import importlib
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from abaque.meetings import demo

# Apps that add their part to the demo: debate notes, the démarche…
EXTENSIONS = ("abaque.debate.demo", "abaque.plans.demo")


def load_all(user):
    """The demo séance, then what each app adds to it."""
    meeting = demo.load(user)
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        if name.endswith("plans.demo"):
            module.load(user, meeting)
        else:
            module.load(meeting)
    return meeting


class Command(BaseCommand):
    help = "Charge une séance de démonstration complète (et sa démarche) pour un animateur."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="identifiant de l'animateur (par défaut : le premier administrateur)")

    def handle(self, *args, **options):
        user = self._user(options["user"])
        meeting = load_all(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Séance de démonstration créée : « {meeting.title} » "
                f"({meeting.participants.count()} participants, {meeting.items.count()} items, "
                f"{meeting.rounds.count()} tours) pour {user.username}."
            )
        )

    def _user(self, username):
        User = get_user_model()
        if username:
            try:
                return User.objects.get(username=username)
            except User.DoesNotExist:
                raise CommandError(f"Aucun animateur « {username} ».") from None
        user = User.objects.filter(is_superuser=True).order_by("pk").first() or User.objects.order_by("pk").first()
        if user:
            return user
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser("demo", "", password, first_name="Animateur de démonstration")
        self.stdout.write(f"Aucun compte : compte « demo » créé, mot de passe : {password}")
        return user
