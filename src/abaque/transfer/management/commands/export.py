from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.meetings.models import Meeting
from abaque.plans.models import Process
from abaque.transfer.export import demarche_archive, seance_archive


class Command(BaseCommand):
    help = gettext_lazy("Exporte une séance (ou, avec --demarche, une démarche et ses séances) dans une archive zip.")

    def add_arguments(self, parser):
        parser.add_argument("object_id", type=int, help=gettext_lazy("le numéro de la séance (ou de la démarche)"))
        parser.add_argument("-o", "--output", required=True, help=gettext_lazy("le fichier archive à écrire (.zip)"))
        parser.add_argument(
            "--demarche", action="store_true", help=gettext_lazy("exporter une démarche plutôt qu'une séance")
        )

    def handle(self, *args, object_id, output, demarche, **options):
        model, write = (Process, demarche_archive) if demarche else (Meeting, seance_archive)
        obj = model.objects.filter(pk=object_id).first()
        if obj is None:
            missing = _("Aucune démarche n° %(id)s.") if demarche else _("Aucune séance n° %(id)s.")
            raise CommandError(missing % {"id": object_id})
        write(obj, output)
        self.stdout.write(
            self.style.SUCCESS(_("« %(title)s » exportée dans %(path)s.") % {"title": obj, "path": output})
        )
