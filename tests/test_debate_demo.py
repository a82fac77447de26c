"""The demo séance's debate: notes on the debated items, one reformulation,
an agenda, a short recording."""

from abaque.debate import demo
from abaque.debate.agenda import agenda
from abaque.debate.models import AgendaPosition, Note, Recording
from abaque.meetings.models import ItemRevision, RoundItem
from abaque.meetings.rounds import new_round
from tests.builders import run_round
from tests.conftest import build_meeting

ITEMS = (
    "Créer un café associatif",
    "Un fonds d'initiatives habitants",
    "Covoiturage solidaire",
    "Des repas partagés entre voisins",
    "Une maison des services au public",
    "Valoriser la mémoire du territoire",
)
ROWS = ["VG VG RR RR VG RR", "VG G R O RR G", "VG VG VG G VG R", "G G G G VG G", "VG G RR O R B", "VG R VG RR G B"]


def demo_meeting(facilitator):
    meeting = build_meeting(facilitator, n_participants=6, items=ITEMS)
    first = run_round(meeting.current_round(), ROWS)
    new_round(meeting, [line.item for line in agenda(meeting)])
    return meeting, first


def test_the_demo_notes_every_debated_item_with_who_said_what(facilitator):
    meeting, _ = demo_meeting(facilitator)
    demo.load(meeting)
    debated = agenda(meeting)
    notes = Note.objects.filter(meeting=meeting)
    assert {note.item for note in notes} == {line.item for line in debated}
    for note in notes:
        assert 3 <= note.text.count(". ") + 1 <= 7
        assert "{" not in note.text
    cafe = notes.get(item__text__startswith="Créer un café")
    assert "Chantal Roux" in cafe.text  # voted dark red: she opened the debate


def test_the_demo_rewords_one_item_and_keeps_round_one_as_voted(facilitator):
    meeting, first = demo_meeting(facilitator)
    demo.load(meeting)
    revision = ItemRevision.objects.get()
    assert revision.reason
    assert RoundItem.objects.get(round=first, item=revision.item).text == revision.text
    assert RoundItem.objects.get(round__number=2, item=revision.item).text == revision.item.text != revision.text


def test_the_demo_sets_an_agenda_an_item_in_debate_and_a_recording(facilitator):
    meeting, _ = demo_meeting(facilitator)
    demo.load(meeting)
    demo.load(meeting)  # twice: nothing doubles
    meeting.refresh_from_db()
    assert AgendaPosition.objects.filter(meeting=meeting).exists()
    assert meeting.debate_item is not None
    recording = Recording.objects.get()
    assert recording.duration_seconds == 1.0 and recording.file.read(4) == b"RIFF"
    assert ItemRevision.objects.count() == 1


def test_an_anonymous_demo_names_nobody(facilitator):
    meeting = build_meeting(facilitator, n_participants=6, items=ITEMS, mode="anonymous")
    run_round(meeting.current_round(), ROWS)
    demo.load(meeting)
    for note in Note.objects.all():
        assert not any(name in note.text for name in ("Anne", "Bruno", "Chantal", "David", "Émilie", "Farid"))


def test_the_lead_demo_seance_gets_five_to_eight_noted_items_and_a_reformulation(facilitator):
    from abaque.meetings import demo as seance_demo

    meeting = seance_demo.load(facilitator)
    demo.load(meeting)
    assert 5 <= Note.objects.filter(meeting=meeting).count() <= 8
    revision = ItemRevision.objects.get(item__meeting=meeting)
    assert revision.reason and revision.item.text != revision.text
    meeting.refresh_from_db()
    assert meeting.debate_item is not None and meeting.recordings.count() == 1
