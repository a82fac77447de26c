import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from abaque.plans.demo import load_all, remove


class Command(BaseCommand):
    help = (
        "Charge la démo (une séance complète et sa démarche, marquées « Démo ») pour un animateur ; "
        "elle remplace sa démo précédente. --retirer la retire seulement."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="identifiant de l'animateur (par défaut : le premier administrateur)")
        parser.add_argument("--retirer", action="store_true", help="retirer la démo, sans toucher au reste")

    def handle(self, *args, **options):
        user = self._user(options["user"])
        if options["retirer"]:
            meetings, processes = remove(user)
            self.stdout.write(self.style.SUCCESS(f"Démo retirée : {meetings} séances et {processes} démarches."))
            return
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
