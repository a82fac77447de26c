"""Building an archive from a séance or a démarche: the stored fields of
every row, nothing derived (an anonymous séance gives no more than the
database holds)."""

from django.apps import apps

from abaque.accounts import journal

from . import archive, spec


def seance_content(meeting) -> tuple[dict, dict[str, bytes]]:
    content = {
        "uid": str(meeting.uid),
        "seance": archive.dump_rows(
            type(meeting).objects.filter(pk=meeting.pk), skip=("facilitator", "structure", "uid")
        )[0],
        "parts": {},
        # Who did what (read by people, not by the import: it is this installation's history).
        "journal": journal.as_rows(meeting),
    }
    files = {}
    for part in spec.SEANCE:
        model = apps.get_model(part.label)
        rows = archive.dump_rows(model.objects.filter(**{part.scope: meeting}), part.skip)
        content["parts"][part.label] = rows
        for field in model._meta.concrete_fields:
            if field.get_internal_type() == "FileField":
                for obj, row in zip(model.objects.filter(**{part.scope: meeting}).order_by("pk"), rows, strict=True):
                    if row[field.attname]:
                        files[file_member(content["uid"], row[field.attname])] = _read(getattr(obj, field.name))
    return content, files


def file_member(seance_uid: str, name: str) -> str:
    return f"{archive.FILES_PREFIX}{seance_uid}/{name}"


def _read(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


def seance_archive(meeting, out) -> None:
    content, files = seance_content(meeting)
    archive.write({"kind": "seance", "title": meeting.title, "content": content}, files, out)


def demarche_archive(process, out) -> None:
    from abaque.meetings.models import Meeting
    from abaque.plans.models import Territory

    territories, territory = [], process.territory
    while territory is not None and all(t["id"] != territory.pk for t in territories):
        territories.insert(0, archive.dump_rows(Territory.objects.filter(pk=territory.pk), spec.TERRITORY_SKIP)[0])
        territory = territory.parent
    content = {
        "uid": str(process.uid),
        "territories": territories,
        "process": archive.dump_rows(type(process).objects.filter(pk=process.pk), skip=("owner", "structure", "uid"))[
            0
        ],
        "parts": {},
        "seances": [],
    }
    for part in spec.DEMARCHE:
        content["parts"][part.label] = archive.dump_rows(
            apps.get_model(part.label).objects.filter(**{part.scope: process}), part.skip
        )
    files = {}
    for meeting in Meeting.objects.filter(cycle_link__cycle__process=process).order_by("pk"):
        seance, seance_files = seance_content(meeting)
        content["seances"].append(seance)
        files.update(seance_files)
    archive.write({"kind": "demarche", "title": process.title, "content": content}, files, out)
