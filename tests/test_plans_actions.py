"""Candidate actions: from the séances' items or written directly, ranked,
retained, evaluated."""

from html import unescape

import pytest
from conftest import build_meeting

from abaque.plans.models import RETAINED_TARGET, Action
from abaque.plans.relaunch import relaunch
from tests.builders import add_action, attach, make_process, vote_rows


def page(response):
    return unescape(response.content.decode())


@pytest.fixture
def process(facilitator):
    return make_process(facilitator)


@pytest.fixture
def voted(facilitator, process):
    meeting = build_meeting(facilitator)
    vote_rows(meeting, ["VG VG G G", "RR R VG VG", "G O R W"])
    attach(process.cycles.get(), meeting)
    return meeting


def base(process):
    return f"/demarches/{process.pk}/2024/"


def test_items_of_the_cycles_seances_are_offered_most_supported_first(client_in, process, voted):
    text = page(client_in.get(base(process) + "actions/depuis-les-items/"))
    assert text.index("Créer un café associatif") < text.index("Un fonds d'initiatives habitants")
    assert "Consensus pour" in text and "Dissensus" in text


def test_actions_created_from_items_keep_the_link_to_the_item(client_in, process, voted):
    items = {i.text: i for i in voted.items.all()}
    response = client_in.post(
        base(process) + "actions/depuis-les-items/",
        {"item": [items["Créer un café associatif"].pk, items["Covoiturage solidaire"].pk]},
    )
    assert response.status_code == 302
    actions = process.cycles.get().actions.order_by("priority")
    assert [(a.title, a.item.text) for a in actions] == [
        ("Créer un café associatif", "Créer un café associatif"),
        ("Covoiturage solidaire", "Covoiturage solidaire"),
    ]
    plan_page = page(client_in.get(base(process)))
    assert "+1,50" in plan_page  # the mean of the item's votes, shown beside the action


def test_choosing_no_item_is_refused_in_french(client_in, process, voted):
    response = client_in.post(base(process) + "actions/depuis-les-items/", {})
    assert "Cochez au moins un item." in page(response)


def test_an_item_of_another_facilitators_seance_is_never_turned_into_an_action(
    client_in, process, voted, other_meeting
):
    foreign = other_meeting.items.first()
    client_in.post(base(process) + "actions/depuis-les-items/", {"item": [foreign.pk]})
    assert not Action.objects.exists()


def test_up_and_down_buttons_change_the_ranking(client_in, process):
    cycle = process.cycles.get()
    first, second, third = (add_action(cycle, t) for t in ("A", "B", "C"))
    client_in.post(base(process) + f"actions/{third.pk}/deplacer/", {"direction": "up"})
    assert list(cycle.actions.order_by("priority").values_list("title", flat=True)) == ["A", "C", "B"]
    client_in.post(base(process) + f"actions/{first.pk}/deplacer/", {"direction": "down"})
    assert list(cycle.actions.order_by("priority").values_list("title", flat=True)) == ["C", "A", "B"]


def test_retaining_toggles_and_the_first_ten_can_be_kept_at_once(client_in, process):
    cycle = process.cycles.get()
    actions = [add_action(cycle, f"Action {n}", retained=False) for n in range(12)]
    client_in.post(base(process) + f"actions/{actions[11].pk}/retenir/")
    assert cycle.plan().get() == actions[11]
    client_in.post(base(process) + "actions/retenir-les-premieres/")
    assert set(cycle.plan()) == set(actions[:RETAINED_TARGET])


def test_the_co_construction_table_groups_retained_actions_by_axis(client_in, process):
    from abaque.plans.models import Axis

    cycle = process.cycles.get()
    axis = Axis.objects.create(process=process, number=1, title="Un projet de territoire")
    add_action(cycle, "Fonds d'initiatives", axis=axis, lead="Parc", partners="CAF, MSA", budget=15000)
    add_action(cycle, "Écartée", retained=False)
    text = page(client_in.get(base(process)))
    table = text[text.index("Tableau de co-construction") :]
    assert "AXE 1 : UN PROJET DE TERRITOIRE" in table
    assert "CAF, MSA" in table and "15 000 €" in table
    assert "Écartée" not in table


def test_an_action_is_evaluated_with_objectives_effectiveness_impacts_corrections(client_in, process):
    action = add_action(process.cycles.get(), "Jardins partagés")
    client_in.post(
        base(process) + f"actions/{action.pk}/evaluer/",
        {
            "status": "terminee",
            "objectives": "Trois jardins",
            "effectiveness": "Trois jardins ouverts",
            "impacts": "Des voisins qui se parlent",
            "corrections": "Aucun",
        },
    )
    action.refresh_from_db()
    assert (action.status, action.effectiveness) == ("terminee", "Trois jardins ouverts")
    text = page(client_in.get(base(process) + "evaluation/"))
    assert "Des voisins qui se parlent" in text and "Terminée : 1" in text


def test_an_unknown_status_is_refused(client_in, process):
    action = add_action(process.cycles.get(), "Jardins partagés")
    response = client_in.post(
        base(process) + f"actions/{action.pk}/evaluer/", {"status": "oubliee", "impacts": "Beaucoup"}
    )
    assert "Sélectionnez un choix valide" in page(response) and "Beaucoup" in page(response)


def test_the_synthesis_is_written_per_cycle(client_in, process):
    client_in.post(base(process) + "synthese/", {"synthesis": "La démarche a trouvé ses porteurs."})
    assert "La démarche a trouvé ses porteurs." in page(client_in.get(base(process) + "evaluation/"))


def test_the_new_plan_lists_memory_actions_read_only(client_in, process):
    cycle = process.cycles.get()
    add_action(cycle, "Café des habitants", status=Action.Status.FINISHED)
    add_action(cycle, "Navette", status=Action.Status.ABANDONED)
    add_action(cycle, "Fonds", status=Action.Status.CONTINUED)
    relaunch(cycle)
    text = page(client_in.get(f"/demarches/{process.pk}/2025/"))
    memory = text[text.index("Pour mémoire") :]
    assert "Café des habitants" in memory and "Navette" in memory and "Abandonnée" in memory
    assert "modifier" not in memory.lower().split("</section>")[0]
    evaluation = page(client_in.get(base(process) + "evaluation/"))
    assert "Relancé le" in evaluation and "/evaluer/" not in evaluation  # 2024 is closed


def test_a_memory_action_can_no_longer_be_edited_or_evaluated(client_in, process):
    cycle = process.cycles.get()
    ended = add_action(cycle, "Café des habitants", status=Action.Status.FINISHED, effectiveness="Atteint")
    relaunch(cycle)
    for path in (f"actions/{ended.pk}/modifier/", f"actions/{ended.pk}/evaluer/"):
        response = client_in.post(
            base(process) + path, {"title": "Changé", "status": "a_poursuivre", "lead_kind": "parc"}, follow=True
        )
        assert "gardée pour mémoire et ne se modifie plus" in page(response)
    ended.refresh_from_db()
    assert (ended.title, ended.status, ended.effectiveness) == ("Café des habitants", "terminee", "Atteint")


def test_the_action_form_recalls_its_item_and_the_items_vote(client_in, process, voted):
    item = voted.items.get(text="Un fonds d'initiatives habitants")
    action = add_action(process.cycles.get(), "Fonds d'initiatives", item=item)
    text = page(client_in.get(base(process) + f"actions/{action.pk}/modifier/"))
    assert "Issue de l'item « Un fonds d'initiatives habitants »" in text
    assert "Dissensus" in text


def test_the_evaluation_lists_the_park_actions_given_a_social_content(client_in, process):
    add_action(
        process.cycles.get(),
        "Circuits courts solidaires",
        enriches_park_action="Promotion des circuits courts alimentaires",
    )
    text = page(client_in.get(base(process) + "evaluation/"))
    section = text[text.index("Contenu social ajouté aux actions du Parc") :]
    assert "Promotion des circuits courts alimentaires" in section and "Circuits courts solidaires" in section
