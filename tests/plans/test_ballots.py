"""The committee votes on the actions with the abacus, through a séance."""

from html import unescape

import pytest

from abaque.meetings.models import Meeting, Participant
from abaque.meetings.rounds import close_round
from abaque.plans.ballots import PURPOSE, BallotRefused, apply_ranking, ballot_results, create_ballot
from abaque.plans.models import CommitteeMember, CycleMeeting
from tests.builders import add_action, make_process, vote_rows


@pytest.fixture
def cycle(facilitator):
    process = make_process(facilitator)
    for name, category in [
        ("Martine Lefebvre", "elu"),
        ("Nadia Belkacem", "technicien"),
        ("CAF du Nord", "partenaire"),
    ]:
        CommitteeMember.objects.create(process=process, name=name, category=category)
    cycle = process.cycles.get()
    add_action(cycle, "Cafés-rencontres", retained=False)
    add_action(cycle, "Fonds d'initiatives habitants", retained=True)
    add_action(cycle, "Transport solidaire", retained=False)
    return cycle


def test_a_prioritisation_vote_is_a_seance_of_the_committee_on_every_candidate(facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    meeting = link.meeting
    assert meeting.facilitator == facilitator
    assert (link.group, link.purpose, link.cycle) == (CycleMeeting.Group.COMMITTEE, PURPOSE.PRIORITISATION, cycle)
    assert list(meeting.active_items().values_list("text", flat=True)) == [
        "Cafés-rencontres",
        "Fonds d'initiatives habitants",
        "Transport solidaire",
    ]
    assert list(meeting.participants.values_list("name", "category")) == [
        ("Martine Lefebvre", Participant.Category.ELECTED),
        ("Nadia Belkacem", Participant.Category.STAFF),
        ("CAF du Nord", Participant.Category.OTHER),
    ]
    assert meeting.current_round().round_items.count() == 3


def test_an_evaluation_vote_is_on_the_retained_actions_only(facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.EVALUATION, facilitator)
    assert list(link.meeting.active_items().values_list("text", flat=True)) == ["Fonds d'initiatives habitants"]


def test_the_results_are_read_back_per_action(facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    vote_rows(link.meeting, ["O O O", "VG VG G", "R RR R"])
    results = ballot_results(link)
    by_title = {a.title: results[a.pk] for a in cycle.actions.all()}
    assert by_title["Fonds d'initiatives habitants"].mean == pytest.approx(5 / 3)
    assert by_title["Transport solidaire"].verdict == "consensus_against"


def test_the_mean_order_of_the_vote_becomes_the_ranking(facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    vote_rows(link.meeting, ["O O O", "VG VG G", "R RR R"])
    apply_ranking(link)
    assert list(cycle.actions.order_by("priority").values_list("title", flat=True)) == [
        "Fonds d'initiatives habitants",
        "Cafés-rencontres",
        "Transport solidaire",
    ]


def test_actions_nobody_voted_on_go_last_in_their_former_order(facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    vote_rows(link.meeting, [". . .", ". . .", "G G VG"])
    add_action(cycle, "Ajoutée après le vote")
    apply_ranking(link)
    assert list(cycle.actions.order_by("priority").values_list("title", flat=True)) == [
        "Transport solidaire",
        "Cafés-rencontres",
        "Fonds d'initiatives habitants",
        "Ajoutée après le vote",
    ]


def test_the_button_creates_the_seance_and_opens_it(client_in, cycle):
    process = cycle.process
    response = client_in.post(f"/demarches/{process.pk}/{cycle.year}/vote/priorisation/")
    meeting = Meeting.objects.get(cycle_link__cycle=cycle)
    assert response.status_code == 302 and response.url == f"/seances/{meeting.pk}/"
    assert meeting.title.startswith("Priorisation des actions 2024")


def test_without_committee_members_the_vote_is_refused_in_french(client_in, cycle):
    cycle.process.members.all().delete()
    response = client_in.post(f"/demarches/{cycle.process.pk}/{cycle.year}/vote/priorisation/", follow=True)
    assert "Saisissez d'abord les membres du comité de pilotage" in unescape(response.content.decode())
    assert not Meeting.objects.filter(cycle_link__cycle=cycle).exists()


def test_applying_the_vote_from_the_page_ranks_the_actions(client_in, facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    vote_rows(link.meeting, ["R R R", "O O O", "VG VG VG"])
    client_in.post(f"/demarches/{cycle.process.pk}/{cycle.year}/vote/{link.pk}/appliquer/")
    assert cycle.actions.order_by("priority").first().title == "Transport solidaire"


def test_the_plan_page_shows_each_actions_committee_vote(client_in, facilitator, cycle):
    link = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    vote_rows(link.meeting, ["O O O", "VG VG G", "R RR R"])
    page = unescape(client_in.get(f"/demarches/{cycle.process.pk}/{cycle.year}/").content.decode())
    assert "Vote du comité" in page and "Consensus contre" in page and "+1,67" in page


def test_another_cycles_vote_cannot_be_applied(client_in, facilitator, cycle):
    other_year = make_process(facilitator, years=(2030,)).cycles.get()
    CommitteeMember.objects.create(process=other_year.process, name="X")
    add_action(other_year, "Ailleurs")
    link = create_ballot(other_year, PURPOSE.PRIORITISATION, facilitator)
    assert client_in.post(f"/demarches/{cycle.process.pk}/{cycle.year}/vote/{link.pk}/appliquer/").status_code == 404


def test_a_second_vote_is_refused_while_the_first_is_still_open(facilitator, cycle):
    first = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    with pytest.raises(BallotRefused, match="n'est pas encore clos"):
        create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator)
    create_ballot(cycle, PURPOSE.EVALUATION, facilitator)  # another purpose is another vote
    close_round(first.meeting.current_round())
    assert create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator).pk != first.pk


def test_a_ballot_made_in_english_is_an_english_seance(facilitator, cycle):
    """Its question is written in the facilitator's language, so the séance speaks it to the committee."""
    from django.utils import translation

    with translation.override("en"):
        link = create_ballot(cycle, PURPOSE.EVALUATION, facilitator)
    meeting = link.meeting
    assert meeting.language == "en"
    assert meeting.question == "In your opinion, did this action meet its objectives in 2024?"
    assert meeting.title.startswith("Evaluation of actions 2024")
    french = create_ballot(cycle, PURPOSE.PRIORITISATION, facilitator).meeting
    assert french.language == "fr" and french.question.startswith("Selon vous")
