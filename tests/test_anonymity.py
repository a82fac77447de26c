"""Issue 11: an anonymous séance is anonymous in the data, not only on screen."""

from datetime import datetime

from django.test import Client

from abaque.meetings.models import Meeting, Participant, Vote, VoteLog
from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.vote_batch import PhoneVote, store_phone_votes
from abaque.meetings.votes import cast_vote, log_mismatches
from abaque.reports.content import build_report
from abaque.reports.mailing import create_mailing
from abaque.reports.models import Delivery
from abaque.reports.raw import build_csv, build_json
from tests.conftest import build_meeting

CATEGORIES = set(Participant.Category.values)


def anonymous_room(facilitator, n_phones=3):
    """An anonymous séance whose phones took ballots through the join page."""
    meeting = build_meeting(facilitator, mode="anonymous", n_participants=0)
    phones = [Client() for _ in range(n_phones)]
    for phone in phones:
        assert phone.post(f"/s/{meeting.join_code}/place/").status_code == 302
    return meeting, list(meeting.participants.all())


def vote_everywhere(meeting, ballots):
    round_ = meeting.current_round()
    open_round(round_)
    items = list(meeting.active_items())
    store_phone_votes([PhoneVote(b.token, 1, item.pk, "G") for b in ballots[:-1] for item in items])
    cast_vote(round_, items[0], ballots[-1], "R")  # a paper card, typed in the grid
    close_round(round_)
    return round_


def stored_values(model, rows):
    for row in rows:
        for field in model._meta.concrete_fields:
            yield field, getattr(row, field.attname)


def test_nothing_stored_about_an_anonymous_vote_names_or_times_a_person(facilitator):
    meeting, ballots = anonymous_room(facilitator)
    vote_everywhere(meeting, ballots)
    create_mailing(meeting, subject="Compte-rendu", body="Bonjour")
    tables = {
        Participant: Participant.objects.filter(meeting=meeting),
        Vote: Vote.objects.filter(round__meeting=meeting),
        VoteLog: VoteLog.objects.filter(round__meeting=meeting),
        Delivery: Delivery.objects.filter(mailing__meeting=meeting),
    }
    assert all(rows.exists() for model, rows in tables.items() if model is not Delivery)
    letters = {p.name for p in ballots}
    assert letters == {"A", "B", "C"}
    for model, rows in tables.items():
        for field, value in stored_values(model, rows):
            where = f"{model.__name__}.{field.name}"
            if field.name in ("name",):
                assert value in letters | {""}, where
            elif field.name == "email":
                assert value == "", where
            elif field.name == "category":
                assert value == "", where
            elif isinstance(value, datetime) and model is not Delivery:
                # No time finer than the séance: the only one allowed is its creation.
                assert field.name == "claimed_at" and value == meeting.created_at, where
    assert log_mismatches(meeting.current_round()) == []  # verify_votes still works per ballot


def test_a_nominative_seance_still_keeps_the_time_of_each_vote(facilitator):
    meeting = build_meeting(facilitator)
    round_ = meeting.current_round()
    open_round(round_)
    vote = cast_vote(round_, meeting.active_items().first(), meeting.participants.first(), "G")
    assert vote.updated_at is not None
    assert VoteLog.objects.get().at is not None


def test_the_mode_cannot_change_once_a_vote_exists(client_in, facilitator):
    meeting, ballots = anonymous_room(facilitator, n_phones=2)
    vote_everywhere(meeting, ballots)
    page = client_in.get(f"/seances/{meeting.pk}/modifier/").content.decode()
    assert "le mode ne peut plus changer" in page
    data = {
        "title": meeting.title,
        "date": "2026-05-01",
        "question": meeting.question,
        "mode": "nominative",
        "scale_variant": "standard",
        "display": "names",
    }
    client_in.post(f"/seances/{meeting.pk}/modifier/", data)
    meeting.refresh_from_db()
    assert meeting.mode == Meeting.Mode.ANONYMOUS


def test_the_seance_form_says_what_anonymous_guarantees(client_in):
    page = client_in.get("/seances/nouvelle/").content.decode()
    assert "ni nom, ni e-mail, ni l&#x27;heure de chaque vote" in page
    assert "plusieurs bulletins avec plusieurs téléphones" in page


def test_the_join_page_of_an_anonymous_seance_offers_a_ballot_and_no_names(client, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous")
    page = client.get(f"/s/{meeting.join_code}/").content.decode()
    assert "Prendre un bulletin" in page
    assert "Anne Leroy" not in page


def test_the_live_controls_show_counts_and_never_a_name(client_in, facilitator):
    meeting, ballots = anonymous_room(facilitator)
    vote_everywhere(meeting, ballots)
    page = client_in.get(f"/seances/{meeting.pk}/direct/").content.decode()
    assert "3 bulletins, 3 pris, 0 ont fini." in page or "3 bulletins, 3 pris" in page
    assert "a fini ✓" not in page
    assert "libérer" not in page


def test_the_facilitator_prepares_a_number_of_ballots(client_in, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous", n_participants=0)
    client_in.post(f"/seances/{meeting.pk}/participants/", {"ballots": "12"})
    assert list(meeting.participants.values_list("name", flat=True))[:3] == ["A", "B", "C"]
    page = client_in.get(f"/seances/{meeting.pk}/participants/").content.decode()
    assert "12 bulletins anonymes" in page
    assert client_in.post(f"/seances/{meeting.pk}/participants/", {"ballots": "abc"}).status_code == 302


def test_the_anonymous_exports_give_no_category_and_no_time_per_vote(facilitator):
    meeting, ballots = anonymous_room(facilitator)
    vote_everywhere(meeting, ballots)
    report = build_report(meeting)
    header = build_csv(report).decode("utf-8-sig").splitlines()[0]
    assert "heure" not in header and "catégorie" not in header
    assert '"categorie": ""' in build_json(report).decode()


def test_collected_categories_show_only_for_a_large_enough_group(facilitator):
    meeting = build_meeting(facilitator, mode="anonymous", n_participants=0, collect_categories=True)
    for category, n in (("elu", 1), ("habitant", 5)):
        for _ in range(n):
            Client().post(f"/s/{meeting.join_code}/place/", {"category": category})
    shown = [p.category for p in build_report(meeting).participants]
    assert shown.count("Habitant") == 5
    assert "Élu" not in shown


def test_a_migration_anonymises_existing_anonymous_seances(facilitator):
    from importlib import import_module

    from django.apps import apps

    meeting = build_meeting(facilitator, mode="anonymous")
    Participant.objects.filter(meeting=meeting).update(email="anne@exemple.fr", category="elu")
    round_ = meeting.current_round()
    open_round(round_)
    Vote.objects.create(
        round=round_,
        item=meeting.active_items().first(),
        participant=meeting.participants.first(),
        code="G",
        updated_at=meeting.created_at,
    )
    import_module("abaque.meetings.migrations.0002_anonymous_ballots").anonymise_existing(apps, None)
    assert list(meeting.participants.values_list("name", "email", "category")) == [
        (letter, "", "") for letter in "ABCD"
    ]
    assert Vote.objects.get().updated_at is None


def test_no_name_can_be_imported_or_typed_onto_a_ballot(client_in, facilitator):
    meeting, ballots = anonymous_room(facilitator, n_phones=1)
    client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"text": "Marie Dupont ; élue", "confirm": "1"})
    client_in.post(
        f"/seances/{meeting.pk}/participants/{ballots[0].pk}/modifier/",
        {"name": "Marie Dupont", "category": "elu", "email": "marie@exemple.fr"},
    )
    assert list(meeting.participants.values_list("name", "email")) == [("A", "")]
