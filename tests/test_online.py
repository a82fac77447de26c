"""The online phase: set-up, public registration with a confirmed address,
invitations and reminders sent by the scheduler, exclusion, retention,
published results, one matrix with the room."""

import re
from datetime import timedelta

import pytest
from conftest import build_meeting
from django.core import mail
from django.utils import timezone

from abaque.meetings.models import Participant, Vote
from abaque.meetings.vote_batch import PhoneVote, store_phone_votes
from abaque.online import scheduler
from abaque.online.models import Invitation, OnlinePhase, Registration

LOCAL = "%Y-%m-%dT%H:%M"


def setup_phase(client, meeting, kind="public", **extra):
    now = timezone.localtime()
    data = {
        "kind": kind,
        "opens_at": (now - timedelta(hours=1)).strftime(LOCAL),
        "closes_at": (now + timedelta(days=7)).strftime(LOCAL),
        "ask_commune": "on",
        "ask_category": "on",
        "anonymous": "on",
        "proposals": "on",
        "purpose": "Compter les participations par commune.",
        "controller": "PNR du Vercors",
        "reminder_every_days": 2,
        "max_reminders": 2,
        **extra,
    }
    response = client.post(f"/seances/{meeting.pk}/en-ligne/reglages/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return OnlinePhase.objects.get(meeting=meeting)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def register(client, phase, email, **fields):
    data = {"email": email, "commune": "Autrans", "category": "habitant", **fields}
    return client.post(f"/consultation/{phase.slug}/", data)


@pytest.fixture
def public(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=0)
    return setup_phase(client_in, meeting)


def test_the_setup_opens_the_round_and_makes_a_public_consultation_anonymous(public):
    meeting = public.meeting
    assert meeting.is_anonymous and meeting.phone_items
    assert meeting.current_round().status == "open"
    assert public.retention_until == (meeting.online_closes_at + timedelta(days=180)).date()


def test_closing_before_opening_is_refused_in_french(client_in, facilitator):
    meeting = build_meeting(facilitator)
    now = timezone.localtime()
    response = client_in.post(
        f"/seances/{meeting.pk}/en-ligne/reglages/",
        {
            "kind": "public",
            "opens_at": now.strftime(LOCAL),
            "closes_at": (now - timedelta(days=1)).strftime(LOCAL),
            "purpose": "x",
            "reminder_every_days": 0,
            "max_reminders": 0,
        },
    )
    assert response.status_code == 200
    assert "La clôture doit venir après l&#x27;ouverture." in response.content.decode()
    assert not OnlinePhase.objects.exists()


def test_another_facilitators_online_pages_answer_404(client, other_facilitator, public):
    client.force_login(other_facilitator)
    meeting = public.meeting
    for url in ["", "reglages/", "affiche/"]:
        assert client.get(f"/seances/{meeting.pk}/en-ligne/{url}").status_code == 404
    for url in ["publier/", "inviter/"]:
        assert client.post(f"/seances/{meeting.pk}/en-ligne/{url}").status_code == 404


def test_the_notice_comes_before_the_form(client, public):
    page = client.get(f"/consultation/{public.slug}/").content.decode()
    assert page.index("Ce qui est recueilli") < page.index('name="email"')
    assert "PNR du Vercors" in page and "Nom ou pseudonyme" not in page  # anonymous: no name asked


def test_votes_count_only_once_the_address_is_confirmed_and_one_address_is_one_voter(client, public):
    response = register(client, public, "Lea@Example.org")
    assert response.status_code == 200
    assert not Participant.objects.exists()  # nothing can vote yet
    registration = Registration.objects.get()
    assert registration.email == "lea@example.org"
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["lea@example.org"]
    response = client.get(path_of(link_in(confirmation)))
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert response["Location"] == f"/b/{participant.token}/"
    assert participant.origin == "online" and participant.commune == "Autrans" and participant.email == ""
    registration.refresh_from_db()
    assert registration.email == "" and registration.participant is None  # anonymous: no link kept
    assert participant.token in mail.outbox[-1].body  # the personal link, in the mailbox only
    # The same address again, however written, makes no second voter.
    response = register(client, public, " LEA@example.org ")
    assert response.status_code == 409
    assert "déjà inscrite" in response.content.decode()
    assert client.get(path_of(link_in(confirmation))).status_code == 409
    assert Participant.objects.count() == 1


def test_registration_is_rate_limited_per_address(client, public):
    for _ in range(5):
        assert register(client, public, "bob@example.org").status_code == 200
    response = register(client, public, "bob@example.org")
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()


def test_an_invalid_address_keeps_what_was_typed(client, public):
    response = register(client, public, "pas-une-adresse", commune="Méaudre")
    assert response.status_code == 400
    assert 'value="Méaudre"' in response.content.decode()


def confirmed(client, phase, email):
    register(client, phase, email)
    client.get(path_of(link_in(mail.outbox[-1])))
    return Participant.objects.order_by("-pk").first()


def test_an_excluded_participant_loses_their_votes(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=0)
    phase = setup_phase(client_in, meeting, anonymous="")
    assert not meeting.is_anonymous
    from django.test import Client

    person = confirmed(Client(), phase, "eve@example.org")
    item = meeting.items.first()
    assert store_phone_votes([PhoneVote(person.token, 1, item.pk, "RR")])[0].status == 200
    response = client_in.post(f"/seances/{meeting.pk}/en-ligne/participants/{person.pk}/exclure/")
    assert response.status_code == 302
    assert not Vote.objects.exists() and not Participant.objects.exists()
    assert register(Client(), phase, "eve@example.org").status_code == 409  # barred (nominative séance)


def test_results_are_public_only_once_published(client, client_in, public):
    url = f"/consultation/{public.slug}/resultats/"
    assert "pas encore publiés" in client.get(url).content.decode()
    client_in.post(f"/seances/{public.meeting_id}/en-ligne/publier/")
    page = client.get(url).content.decode()
    assert "Consensus" in page and "Créer un café associatif" in page


def test_the_dashboard_counts_by_commune_and_category(client, client_in, public):
    confirmed(client, public, "a@example.org")
    page = client_in.get(f"/seances/{public.meeting_id}/en-ligne/").content.decode()
    assert "Autrans" in page and "Habitant" in page
    assert "<strong>1</strong> participant en ligne" in page


def test_the_results_filter_by_origin(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=3)
    Participant.objects.filter(pk=meeting.participants.first().pk).update(origin="online")
    page = client_in.get(f"/seances/{meeting.pk}/resultats/?origine=online").content.decode()
    assert "Anne Leroy" in page and "Bruno Petit" not in page
    assert "Tous (2 en salle, 1 en ligne)" in page


# Invitations and reminders


@pytest.fixture
def invited(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=2)
    meeting.participants.update(email="")
    Participant.objects.filter(pk=meeting.participants.first().pk).update(email="anne@example.org")
    phase = setup_phase(client_in, meeting, kind="invitation", anonymous="")
    client_in.post(f"/seances/{meeting.pk}/en-ligne/inviter/", {"addresses": "Zoé Martin <zoe@example.org>\nnimporte"})
    return phase


def test_invitations_go_once_even_with_two_schedulers(invited):
    assert Invitation.objects.count() == 2
    assert scheduler.tick()["invitations"] == 2
    assert scheduler.tick()["invitations"] == 0  # claimed: a second worker sends nothing
    assert sorted(m.to[0] for m in mail.outbox) == ["anne@example.org", "zoe@example.org"]
    zoe = Participant.objects.get(email="zoe@example.org")
    assert zoe.origin == "online" and zoe.name == "Zoé Martin"
    assert zoe.token in next(m for m in mail.outbox if m.to == ["zoe@example.org"]).body


def test_reminders_go_to_those_who_have_not_finished_on_the_schedule(invited):
    now = timezone.now()
    scheduler.tick(now)
    anne = Participant.objects.get(email="anne@example.org")
    for item in invited.meeting.items.all():
        assert store_phone_votes([PhoneVote(anne.token, 1, item.pk, "G")])[0].status == 200
    mail.outbox.clear()
    assert scheduler.tick(now + timedelta(days=1))["reminders"] == 0  # not yet due
    assert scheduler.tick(now + timedelta(days=2, minutes=1))["reminders"] == 1
    assert [m.to for m in mail.outbox] == [["zoe@example.org"]]
    assert mail.outbox[0].subject.startswith("Rappel")
    assert scheduler.tick(now + timedelta(days=2, minutes=2))["reminders"] == 0
    assert scheduler.tick(now + timedelta(days=4, minutes=2))["reminders"] == 1
    assert scheduler.tick(now + timedelta(days=6, minutes=3))["reminders"] == 0  # two at most


def test_an_anonymous_invitation_dashboard_shows_counts_only(client_in, invited):
    meeting = invited.meeting
    page = client_in.get(f"/seances/{meeting.pk}/en-ligne/").content.decode()
    assert "zoe@example.org" in page  # nominative: who has finished is shown
    meeting.mode = meeting.Mode.ANONYMOUS
    meeting.save()
    page = client_in.get(f"/seances/{meeting.pk}/en-ligne/").content.decode()
    assert "zoe@example.org" not in page and "seuls les nombres" in page


def test_personal_data_are_erased_at_the_retention_date_and_the_votes_stay(client, public):
    person = confirmed(client, public, "a@example.org")
    item = public.meeting.items.first()
    store_phone_votes([PhoneVote(person.token, 1, item.pk, "VG")])
    later = timezone.now() + timedelta(days=400)
    assert scheduler.tick(later)["erased"] == 1
    assert scheduler.tick(later)["erased"] == 0
    person.refresh_from_db()
    assert person.commune == "" and person.email == ""
    assert not Registration.objects.exists()
    assert Vote.objects.count() == 1


def test_erasing_an_invited_participant_on_request_removes_their_address_too(client_in, invited):
    zoe = Participant.objects.get(email="zoe@example.org")
    response = client_in.post(f"/seances/{invited.meeting_id}/participants/{zoe.pk}/supprimer/")
    assert response.status_code == 302
    assert not Invitation.objects.filter(email="zoe@example.org").exists()
    assert not Participant.objects.filter(pk=zoe.pk).exists()


def test_the_first_request_starts_the_scheduler_once(client, settings, monkeypatch):
    started = []
    monkeypatch.setattr(scheduler, "start", lambda: started.append(1))
    settings.ONLINE_SCHEDULER = True
    client.get("/rejoindre/")
    client.get("/rejoindre/")
    assert started == [1]


def test_an_online_ballot_can_propose_while_the_vote_is_open(client, public):
    person = confirmed(client, public, "a@example.org")
    page = client.get(f"/b/{person.token}/").content.decode()
    assert 'id="proposal-text"' in page


def test_registering_after_the_closing_time_is_refused_and_nothing_is_kept(client, public):
    meeting = public.meeting
    meeting.online_closes_at = timezone.now() - timedelta(minutes=1)
    meeting.save(update_fields=["online_closes_at"])
    assert "La consultation est close." in client.get(f"/consultation/{public.slug}/").content.decode()
    response = register(client, public, "late@example.org")
    assert response.status_code == 409
    assert not Registration.objects.exists() and not mail.outbox
