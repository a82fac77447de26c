"""Importing an archive: a new séance (or démarche) of the importing
facilitator, or, when the same archive (same uid) was imported before, an
update that adds what is missing and loses nothing already there."""

from dataclasses import dataclass, field
from uuid import UUID

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.meetings.models import Meeting, Participant, Round, Vote, VoteLog, new_join_code, new_token
from abaque.meetings.votes import log_mismatches

from . import archive, spec
from .archive import ArchiveError
from .export import file_member


@dataclass
class Outcome:
    root: object = None
    updated: bool = False
    added: dict = field(default_factory=dict)  # label → rows added


def _uid(content) -> UUID:
    try:
        return UUID(str(content.get("uid")))
    except ValueError:
        raise ArchiveError(_("L'archive est endommagée : son identifiant est illisible.")) from None


def existing_seance(content, user):
    return _existing(Meeting, _uid(content), "facilitator", user)


def _existing(model, uid, owner_field, user):
    found = model.objects.filter(uid=uid).first()
    if found is not None and getattr(found, f"{owner_field}_id") != user.pk:
        if model is Meeting:
            refusal = _(
                "Cette séance existe déjà sur cette installation, sous un autre compte : elle n'est pas importée."
            )
        else:
            refusal = _(
                "Cette démarche existe déjà sur cette installation, sous un autre compte : elle n'est pas importée."
            )
        raise ArchiveError(refusal)
    return found


class Loader:
    def __init__(self, arch: archive.Archive):
        self.arch = arch
        self.maps: dict[tuple[str, object], object] = {}
        self.deferred: list[tuple[object, str, str, object]] = []
        self.outcome = Outcome()

    # -- generic rows --
    def kwargs_for(self, model, row, skip=()):
        values, later = {}, []
        for f in archive.fields_of(model, ("id", *skip)):
            if f.attname not in row:
                continue  # an older archive: the field keeps its default
            value = archive.decode(f, row[f.attname]) if not f.is_relation else row[f.attname]
            if f.is_relation and value is not None:
                target = self.maps.get((f.related_model._meta.label, value))
                if target is None:
                    if not f.null:
                        raise ArchiveError(_("L'archive est endommagée : une référence interne ne mène nulle part."))
                    later.append((f.attname, f.related_model._meta.label, value))
                value = target
            values[f.attname] = value
        return values, later

    def load_part(self, part, root, scope_root, files_uid=None):
        model = apps.get_model(part.label)
        rows = root.get("parts", {}).get(part.label, [])
        if not isinstance(rows, list):
            raise ArchiveError(_("L'archive est endommagée : son contenu est incomplet."))
        for row in rows:
            try:
                values, later = self.kwargs_for(model, row, part.skip)
                obj = self._match(model, part, values, scope_root)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                raise ArchiveError(
                    _("L'archive est endommagée : une ligne de « %(model)s » est illisible.")
                    % {"model": model._meta.verbose_name}
                ) from error
            if obj is None:
                obj = self._create(model, values, files_uid)
                self.outcome.added[part.label] = self.outcome.added.get(part.label, 0) + 1
            elif self.outcome.updated:
                self._merge(obj, values)
            self.maps[part.label, row["id"]] = obj.pk
            self.deferred += [(obj, attname, label, old) for attname, label, old in later]

    def _match(self, model, part, values, scope_root):
        if not self.outcome.updated:
            return None
        for key in part.keys:
            if all(values.get(k) not in (None, "") for k in key):
                found = model.objects.filter(**{part.scope: scope_root}, **{k: values[k] for k in key}).first()
                if found is not None:
                    return found
        return None

    def _create(self, model, values, files_uid):
        if model is Participant and Participant.objects.filter(token=values.get("token")).exists():
            values["token"] = new_token()  # a token is a voting link: never shared by two séances
        obj = model(
            **{
                k: v
                for k, v in values.items()
                if not isinstance(model._meta.get_field(_name(model, k)), models.FileField)
            }
        )
        for f in model._meta.concrete_fields:
            if isinstance(f, models.FileField) and values.get(f.attname):
                name = values[f.attname]
                getattr(obj, f.name).save(
                    name.rsplit("/", 1)[-1],
                    ContentFile(self.arch.file(file_member(files_uid, name)[len(archive.FILES_PREFIX) :])),
                    save=False,
                )
        obj.save()
        _restore_auto_dates(obj, values)
        return obj

    def _merge(self, obj, values):
        if (
            isinstance(obj, Vote)
            and values["updated_at"]
            and values["updated_at"] > obj.updated_at
            and values["code"] != obj.code
        ):
            Vote.objects.filter(pk=obj.pk).update(
                code=values["code"], source=values["source"], updated_at=values["updated_at"]
            )
        elif obj._meta.label == "debate.Note":
            theirs, ours = values.get("text") or "", obj.text or ""
            if theirs and theirs not in ours:
                obj.text = f"{ours}\n\n{theirs}" if ours else theirs
                obj.save(update_fields=["text", "updated_at"])

    def resolve_deferred(self):
        for obj, attname, label, old in self.deferred:
            target = self.maps.get((label, old))
            if target is not None:
                type(obj).objects.filter(pk=obj.pk).update(**{attname: target})

    # -- the séance --
    def load_seance(self, content, user):
        existing = existing_seance(content, user)
        self.outcome.updated = existing is not None
        row = content.get("seance")
        if not isinstance(row, dict):
            raise ArchiveError(_("L'archive est endommagée : la séance manque."))
        if existing is None:
            values, later = self.kwargs_for(Meeting, row, spec.SEANCE_ROOT_SKIP)
            if Meeting.objects.filter(join_code=values.get("join_code")).exists():
                values["join_code"] = new_join_code()
            values.pop("debate_item_id", None)
            meeting = Meeting(**values, facilitator=user, uid=_uid(content))
            meeting.save()
            _restore_auto_dates(meeting, values)
            if row.get("debate_item_id"):
                self.deferred.append((meeting, "debate_item_id", "meetings.Item", row["debate_item_id"]))
        else:
            meeting = existing
        self.maps["meetings.Meeting", row.get("id")] = meeting.pk
        for part in spec.SEANCE:
            self.load_part(part, content, meeting, files_uid=str(content.get("uid")))
        self.resolve_deferred()
        self.deferred = []
        if self.outcome.updated:
            reconcile_log(meeting)
        return meeting


def _name(model, attname):
    return next(f.name for f in model._meta.concrete_fields if f.attname == attname)


def _restore_auto_dates(obj, values):
    """auto_now / auto_now_add dates as the archive has them, not today."""
    auto = {
        f.attname: values[f.attname]
        for f in obj._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        if values.get(f.attname)
    }
    if auto:
        type(obj).objects.filter(pk=obj.pk).update(**auto)


def reconcile_log(meeting):
    """After a merge the stored matrix keeps the newest vote of each cell;
    the log gets a closing entry wherever its replay would say otherwise."""
    for round_ in Round.objects.filter(meeting=meeting):
        stored = {(v.item_id, v.participant_id): v for v in Vote.objects.filter(round=round_)}
        VoteLog.objects.bulk_create(
            VoteLog(
                round=round_,
                item_id=item,
                participant_id=participant,
                code=stored_code or "",
                source=stored[item, participant].source if stored_code else Vote.Source.GRID,
                at=timezone.now(),
            )
            for item, participant, _logged, stored_code in log_mismatches(round_)
        )


DAMAGED = gettext_lazy("L'archive est endommagée : son contenu est incohérent. Rien n'a été importé.")


def guarded(function):
    """All or nothing: an archive altered by hand gives a clear message, never a half import."""

    def run(arch, user) -> Outcome:
        try:
            return function(arch, user)
        except (KeyError, TypeError, ValueError, AttributeError, IntegrityError, ValidationError) as error:
            raise ArchiveError(DAMAGED) from error

    return run


@guarded
def import_seance(arch, user) -> Outcome:
    if arch.document["kind"] != "seance":
        raise ArchiveError(_("Cette archive contient une démarche, pas une séance."))
    loader = Loader(arch)
    with transaction.atomic():
        loader.outcome.root = loader.load_seance(arch.document["content"], user)
    return loader.outcome


@guarded
def import_demarche(arch, user) -> Outcome:
    from abaque.plans.models import Process, Territory

    if arch.document["kind"] != "demarche":
        raise ArchiveError(_("Cette archive contient une séance, pas une démarche."))
    content = arch.document["content"]
    loader = Loader(arch)
    with transaction.atomic():
        existing = _existing(Process, _uid(content), "owner", user)
        for seance in content.get("seances", []):
            seance_loader = Loader(arch)
            seance_loader.load_seance(seance, user)
            loader.maps.update(seance_loader.maps)
        for row in content.get("territories", []):
            values, _later = loader.kwargs_for(Territory, row, spec.TERRITORY_SKIP)
            territory = Territory.objects.filter(owner=user, name=values["name"], kind=values["kind"]).first()
            territory = territory or Territory.objects.create(owner=user, **values)
            loader.maps["plans.Territory", row["id"]] = territory.pk
        loader.outcome.updated = existing is not None
        if existing is None:
            values, _later = loader.kwargs_for(Process, content["process"], spec.DEMARCHE_ROOT_SKIP)
            process = Process.objects.create(owner=user, uid=_uid(content), **values)
            _restore_auto_dates(process, values)
        else:
            process = existing
        loader.maps["plans.Process", content["process"]["id"]] = process.pk
        for part in spec.DEMARCHE:
            loader.load_part(part, content, process)
        loader.resolve_deferred()
        loader.outcome.root = process
    return loader.outcome


@guarded
def preview(arch, user) -> dict:
    """What would come in, and whether it updates a séance already here."""
    doc = arch.document
    content = doc["content"]
    seances = [content] if doc["kind"] == "seance" else content.get("seances", [])

    def count(label):
        return sum(len(s.get("parts", {}).get(label, [])) for s in seances)

    if doc["kind"] == "seance":
        existing = existing_seance(content, user)
    else:
        from abaque.plans.models import Process

        existing = _existing(Process, _uid(content), "owner", user)
    return {
        "kind": doc["kind"],
        "title": doc.get("title", ""),
        "format_version": doc["format_version"],
        "app_version": doc.get("app_version", ""),
        "created_at": doc.get("created_at", ""),
        "existing": existing,
        "seances": [(s.get("seance") or {}).get("title", "") for s in seances],
        "counts": [
            (_("Participants"), count("meetings.Participant")),
            (_("Items"), count("meetings.Item")),
            (_("Tours de vote"), count("meetings.Round")),
            (_("Votes"), count("meetings.Vote")),
            (_("Entrées du journal des votes"), count("meetings.VoteLog")),
            (_("Notes de débat"), count("debate.Note")),
            (_("Enregistrements audio"), count("debate.Recording")),
            (_("Envois du compte-rendu"), count("reports.Mailing")),
        ]
        + (
            [
                (_("Années"), len(content["parts"].get("plans.Cycle", []))),
                (_("Actions"), len(content["parts"].get("plans.Action", []))),
            ]
            if doc["kind"] == "demarche"
            else []
        ),
    }
