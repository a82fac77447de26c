from django.core.management.base import BaseCommand, CommandError

from abaque.meetings.models import Meeting
from abaque.plans.models import Process
from abaque.transfer.export import demarche_archive, seance_archive


class Command(BaseCommand):
    help = "Exporte une séance (ou, avec --demarche, une démarche et ses séances) dans une archive zip."

    def add_arguments(self, parser):
        parser.add_argument("object_id", type=int, help="le numéro de la séance (ou de la démarche)")
        parser.add_argument("-o", "--output", required=True, help="le fichier archive à écrire (.zip)")
        parser.add_argument("--demarche", action="store_true", help="exporter une démarche plutôt qu'une séance")

    def handle(self, *args, object_id, output, demarche, **options):
        model, write = (Process, demarche_archive) if demarche else (Meeting, seance_archive)
        obj = model.objects.filter(pk=object_id).first()
        if obj is None:
            raise CommandError(f"Aucune {'démarche' if demarche else 'séance'} n° {object_id}.")
        write(obj, output)
        self.stdout.write(self.style.SUCCESS(f"« {obj} » exportée dans {output}."))
