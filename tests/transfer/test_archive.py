"""Séance and démarche archives: export, import into a fresh installation,
refusal of damaged or too-new archives, and a second import that merges."""

import io
import json
import re
import zipfile

import pytest
from conftest import PASSWORD
from django.contrib.auth import get_user_model
from django.core.management import call_command

from abaque.meetings.models import Meeting, Round, Vote
from abaque.meetings.votes import cast_vote, log_mismatches
from abaque.plans.demo import load_all
from abaque.plans.models import Process, Territory
from abaque.transfer import archive, load
from abaque.transfer.export import demarche_archive, seance_archive


def export_bytes(obj, writer=seance_archive) -> bytes:
    buffer = io.BytesIO()
    writer(obj, buffer)
    return buffer.getvalue()


def tables(client, url) -> list[str]:
    """The matrices of a page, with ids and tokens taken out."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", client.get(url).content.decode())
    return [re.sub(r"\d+", "N", t) if "href" in t else t for t in re.findall(r"<table.*?</table>", html, re.S)]


def seance_snapshot(client, meeting) -> dict:
    report = client.get(f"/seances/{meeting.pk}/compte-rendu/telecharger/json/")
    assert report.status_code == 200
    rounds = list(meeting.rounds.values_list("number", flat=True))
    results = [
        tables(client, f"/seances/{meeting.pk}/tours/{n}/resultats/?ordre={order}")
        for n in rounds
        for order in ("entered", "mean", "consensus", "seriation")
    ]
    assert all(results)
    return {
        "report": json.loads(report.content),
        "csv": client.get(f"/seances/{meeting.pk}/compte-rendu/telecharger/csv/").content,
        "results": results,
        "notes": sorted(meeting.notes.values_list("text", flat=True)),
        "recordings": sorted((r.duration_seconds, r.file.read()) for r in meeting.recordings.all()),
        "mailings": sorted(
            (m.subject, m.deliveries.count(), [a.name for a in m.attachments.all()]) for m in meeting.mailings.all()
        ),
        "revisions": sorted(meeting.items.values_list("revisions__text", flat=True).exclude(revisions__text=None)),
    }


def fresh_installation():
    """Everything of the first installation gone, the same person signing in."""
    Process.objects.all().delete()
    Meeting.objects.all().delete()
    Territory.objects.all().delete()
    get_user_model().objects.all().delete()
    return get_user_model().objects.create_user("animatrice", "animatrice@pnr.fr", PASSWORD, first_name="Claire Morel")


def clean_log(meeting):
    return all(not log_mismatches(r) for r in Round.objects.filter(meeting=meeting))


@pytest.fixture
def demo(facilitator):
    return load_all(facilitator)


def test_a_demo_seance_comes_back_the_same_in_a_fresh_installation(demo, client, facilitator):
    client.force_login(facilitator)
    before = seance_snapshot(client, demo)
    assert before["notes"] and before["recordings"]
    data = export_bytes(demo)
    user = fresh_installation()
    outcome = load.import_seance(archive.read(io.BytesIO(data)), user)
    client.force_login(user)
    assert not outcome.updated
    assert outcome.root.facilitator == user
    assert seance_snapshot(client, outcome.root) == before
    assert clean_log(outcome.root)
    call_command("verify_votes", stdout=io.StringIO())


def test_a_demo_demarche_comes_back_with_its_seances(demo, client, facilitator):
    process = Process.objects.get(owner=facilitator, territory__parent=None)
    client.force_login(facilitator)
    pages = [f"/demarches/{process.pk}/tableau-de-bord/"] + [
        f"/demarches/{process.pk}/{c.year}/" for c in process.cycles.all()
    ]
    before = [tables(client, url) for url in pages]
    counts = (process.cycles.count(), sum(c.actions.count() for c in process.cycles.all()), process.criteria.count())
    data = export_bytes(process, demarche_archive)
    user = fresh_installation()
    outcome = load.import_demarche(archive.read(io.BytesIO(data)), user)
    process = outcome.root
    client.force_login(user)
    pages = [f"/demarches/{process.pk}/tableau-de-bord/"] + [
        f"/demarches/{process.pk}/{c.year}/" for c in process.cycles.all()
    ]
    assert [tables(client, url) for url in pages] == before
    assert (
        process.cycles.count(),
        sum(c.actions.count() for c in process.cycles.all()),
        process.criteria.count(),
    ) == counts
    assert Meeting.objects.filter(cycle_link__cycle__process=process).exists()
    call_command("verify_votes", stdout=io.StringIO())


def test_an_online_phase_travels_with_its_registrations_and_invitations(meeting, facilitator):
    from abaque.meetings.models import Participant
    from abaque.online.models import Invitation, OnlinePhase, Registration

    phase = OnlinePhase.objects.create(meeting=meeting, kind=OnlinePhase.Kind.INVITATION, controller="PNR")
    zoe = meeting.participants.first()
    Participant.objects.filter(pk=zoe.pk).update(origin=Participant.Origin.ONLINE)
    Invitation.objects.create(phase=phase, participant=zoe, email="zoe@example.org", reminders_sent=1)
    Registration.objects.create(phase=phase, email_digest="d" * 64, commune="Autrans", participant=zoe)
    data = export_bytes(meeting)
    user = fresh_installation()
    root = load.import_seance(archive.read(io.BytesIO(data)), user).root
    phase = OnlinePhase.objects.get(meeting=root)
    assert (phase.kind, phase.controller) == ("invitation", "PNR")
    invitation = phase.invitations.get()
    assert (invitation.email, invitation.reminders_sent) == ("zoe@example.org", 1)
    assert invitation.participant.meeting == root and invitation.participant.origin == "online"
    assert phase.registrations.get().participant == invitation.participant
    again = load.import_seance(archive.read(io.BytesIO(data)), user)  # the same archive: nothing doubles
    assert again.updated and Invitation.objects.count() == Registration.objects.count() == 1


def test_importing_the_same_archive_twice_merges_votes_and_notes(meeting, facilitator):
    round_ = meeting.current_round()
    items, people = list(meeting.items.all()), list(meeting.participants.all())
    cast_vote(round_, items[0], people[0], "VG")
    data = export_bytes(meeting)
    # Meanwhile, here: a vote and a note added; the archive then comes back.
    cast_vote(round_, items[1], people[1], "R")
    meeting.notes.create(item=items[0], text="Noté ici")
    outcome = load.import_seance(archive.read(io.BytesIO(data)), facilitator)
    assert outcome.updated and outcome.root == meeting
    assert Vote.objects.filter(round=round_).count() == 2
    assert meeting.notes.get(item=items[0]).text == "Noté ici"
    assert Meeting.objects.count() == 1
    assert clean_log(meeting)


def test_votes_and_notes_added_elsewhere_come_in_on_the_second_import(meeting, facilitator, other_facilitator):
    round_ = meeting.current_round()
    items, people = list(meeting.items.all()), list(meeting.participants.all())
    cast_vote(round_, items[0], people[0], "VG")
    first = export_bytes(meeting)
    cast_vote(round_, items[0], people[0], "RR")  # changed her mind
    cast_vote(round_, items[2], people[3], "W")
    meeting.notes.create(item=items[1], text="Dit sur le serveur du Parc")
    second = export_bytes(meeting)
    user = fresh_installation()
    copy = load.import_seance(archive.read(io.BytesIO(first)), user).root
    copy.notes.create(item=copy.items.get(position=1), text="Dit dans la salle")
    outcome = load.import_seance(archive.read(io.BytesIO(second)), user)
    assert outcome.updated and outcome.root == copy
    votes = {(v.item.text, v.participant.name): v.code for v in Vote.objects.filter(round__meeting=copy)}
    assert votes == {(items[0].text, people[0].name): "RR", (items[2].text, people[3].name): "W"}
    assert sorted(copy.notes.values_list("text", flat=True)) == ["Dit dans la salle", "Dit sur le serveur du Parc"]
    assert clean_log(copy)


def test_a_seance_of_another_account_is_not_overwritten(meeting, other_facilitator):
    data = export_bytes(meeting)
    with pytest.raises(archive.ArchiveError, match="autre compte"):
        load.import_seance(archive.read(io.BytesIO(data)), other_facilitator)


def rewrite(data: bytes, change) -> bytes:
    """The same archive with archive.json changed by `change`."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == archive.JSON_NAME:
                content = change(content)
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "endommagé, tronqué"),
        (lambda data: b"PK\x03\x04" + b"\0" * 200, "endommagé, tronqué"),
        (lambda data: rewrite(data, lambda c: c[:-40]), "archive.json"),
        (
            lambda data: rewrite(data, lambda c: c.replace(b'"abaque-archive"', b'"autre-chose"')),
            "pas une archive Abaque",
        ),
        (
            lambda data: rewrite(data, lambda c: c.replace(b'"format_version": 1', b'"format_version": 99')),
            "version plus récente",
        ),
    ],
    ids=["truncated", "not-a-zip", "altered-json", "foreign", "too-new"],
)
def test_a_damaged_foreign_or_newer_archive_is_refused_clearly(meeting, damage, message):
    data = damage(export_bytes(meeting))
    with pytest.raises(archive.ArchiveError, match=message):
        archive.read(io.BytesIO(data))


def test_a_zip_that_is_not_an_archive_is_refused(db):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("photo.jpg", b"...")
    with pytest.raises(archive.ArchiveError, match="pas une archive Abaque"):
        archive.read(out)


def test_a_path_leaving_the_archive_is_refused(meeting):
    out = io.BytesIO(export_bytes(meeting))
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("files/../../etc/passwd", b"x")
    with pytest.raises(archive.ArchiveError, match="dangereux"):
        archive.read(out)


def test_a_zip_bomb_is_refused_before_anything_is_extracted(meeting, monkeypatch):
    monkeypatch.setattr(archive, "ARCHIVE_MAX_UNCOMPRESSED", 1000)
    out = io.BytesIO(export_bytes(meeting))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("files/zeros", b"\0" * 100_000)
    with pytest.raises(archive.ArchiveError, match="décompressée"):
        archive.read(out)


def test_the_archive_names_its_format_and_version(meeting):
    document = json.loads(zipfile.ZipFile(io.BytesIO(export_bytes(meeting))).read(archive.JSON_NAME))
    assert document["format"] == "abaque-archive"
    assert document["format_version"] == archive.FORMAT_VERSION
    assert document["app_version"] and document["created_at"]
    assert document["content"]["uid"] == str(meeting.uid)


def test_every_model_of_a_seance_travels_in_its_archive():
    """A model added later that points at a séance must join spec.SEANCE (or DEMARCHE)."""
    from django.apps import apps as django_apps

    from abaque.transfer import spec

    covered = {p.label for p in spec.SEANCE + spec.DEMARCHE} | {"meetings.Meeting", "plans.Process", "plans.Territory"}
    linked = {
        model._meta.label
        for model in django_apps.get_models()
        if model._meta.app_label in ("meetings", "debate", "online", "reports", "plans")
    }
    assert linked <= covered


def test_the_archive_holds_the_stored_fields_and_nothing_derived(meeting):
    meeting.mode = Meeting.Mode.ANONYMOUS
    meeting.save()
    content = json.loads(zipfile.ZipFile(io.BytesIO(export_bytes(meeting))).read(archive.JSON_NAME))["content"]
    participant = content["parts"]["meetings.Participant"][0]
    stored = {f.attname for f in meeting.participants.model._meta.concrete_fields}
    assert set(participant) == stored
    assert participant["name"] == meeting.participants.order_by("pk").first().name
    assert "facilitator_id" not in content["seance"]


def test_the_commands_export_and_import_a_seance(meeting, facilitator, tmp_path):
    file = tmp_path / "seance.zip"
    out = io.StringIO()
    call_command("export", str(meeting.pk), "-o", str(file), stdout=out)
    assert "exportée" in out.getvalue()
    meeting.delete()
    out = io.StringIO()
    call_command("import", str(file), stdout=out)
    assert "Participants : 4" in out.getvalue() and "importée" in out.getvalue()
    assert Meeting.objects.get().title == "Regards croisés"
    out = io.StringIO()
    call_command("import", str(file), stdout=out)
    assert "mise à jour" in out.getvalue() and Meeting.objects.count() == 1


def test_the_import_command_names_a_damaged_file(db, facilitator, tmp_path):
    from django.core.management.base import CommandError

    file = tmp_path / "abimee.zip"
    file.write_bytes(b"PK\x03\x04 abime")
    with pytest.raises(CommandError, match="endommagé"):
        call_command("import", str(file))


def row_counts():
    from django.apps import apps as django_apps

    return {
        model._meta.label: model.objects.count()
        for model in django_apps.get_models()
        if model._meta.app_label in ("meetings", "debate", "online", "reports", "plans")
    }


def test_a_demo_seance_and_demarche_imported_twice_duplicate_nothing(demo, facilitator):
    process = Process.objects.get(owner=facilitator, territory__parent=None)
    seance, demarche = export_bytes(demo), export_bytes(process, demarche_archive)
    user = fresh_installation()
    load.import_demarche(archive.read(io.BytesIO(demarche)), user)
    load.import_seance(archive.read(io.BytesIO(seance)), user)
    once = row_counts()
    assert load.import_demarche(archive.read(io.BytesIO(demarche)), user).updated
    assert load.import_seance(archive.read(io.BytesIO(seance)), user).updated
    assert row_counts() == once
    call_command("verify_votes", stdout=io.StringIO())


def altered(data: bytes, change) -> archive.Archive:
    def edit(content):
        document = json.loads(content)
        change(document["content"])
        return json.dumps(document).encode()

    return archive.read(io.BytesIO(rewrite(data, edit)))


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["parts"]["meetings.Vote"][0].update(item_id=999_999),
        lambda c: c["parts"]["meetings.Vote"].append(dict(c["parts"]["meetings.Vote"][0], id=-1)),
        lambda c: c["parts"]["meetings.Item"][0].pop("id"),
        lambda c: c["parts"].update({"meetings.Round": "tour"}),
        lambda c: c["seance"].update(date="le 12 mars"),
    ],
    ids=["dangling-reference", "duplicate-vote", "row-without-id", "not-a-list", "bad-date"],
)
def test_an_archive_altered_by_hand_is_refused_and_nothing_is_imported(meeting, facilitator, change):
    cast_vote(meeting.current_round(), meeting.items.first(), meeting.participants.first(), "G")
    data = export_bytes(meeting)
    meeting.delete()
    with pytest.raises(archive.ArchiveError, match="endommagée"):
        arch = altered(data, change)
        load.preview(arch, facilitator)
        load.import_seance(arch, facilitator)
    assert not Meeting.objects.exists()
