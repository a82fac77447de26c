"""Relaunch: the next year's plan from this year's evaluation (booklet point 10)."""

from html import unescape

import pytest

from abaque.plans.models import Action, CriterionValue, Cycle
from abaque.plans.relaunch import RelaunchRefused, relaunch
from tests.builders import add_action, make_process

S = Action.Status


@pytest.fixture
def evaluated(facilitator):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    actions = {
        "finished": add_action(cycle, "Café des habitants", status=S.FINISHED),
        "abandoned": add_action(cycle, "Navette solidaire", status=S.ABANDONED),
        "continued": add_action(
            cycle, "Fonds d'initiatives habitants", status=S.CONTINUED, lead="Centre social", budget=5000
        ),
        "improved": add_action(cycle, "Jardins partagés", status=S.IMPROVED, objectives="Trois jardins"),
        "never_evaluated": add_action(cycle, "Fête des voisins", status=S.NEW),
        "not_retained": add_action(cycle, "Idée écartée", retained=False, status=S.NEW),
    }
    return process, cycle, actions


def test_it_carries_over_the_open_actions_with_a_link_to_last_year(evaluated):
    process, cycle, actions = evaluated
    following = relaunch(cycle)
    assert following.year == 2025
    carried = {a.previous_id: a for a in following.actions.all()}
    assert set(carried) == {actions[k].pk for k in ("continued", "improved", "never_evaluated")}
    assert all(a.retained for a in carried.values())
    assert carried[actions["continued"].pk].lead == "Centre social"
    assert carried[actions["improved"].pk].objectives == "Trois jardins"


def test_improved_actions_stay_improved_and_the_others_are_continued(evaluated):
    process, cycle, actions = evaluated
    following = relaunch(cycle)
    status = {a.previous_id: a.status for a in following.actions.all()}
    assert status[actions["improved"].pk] == S.IMPROVED
    assert status[actions["continued"].pk] == S.CONTINUED
    assert status[actions["never_evaluated"].pk] == S.CONTINUED


def test_finished_and_abandoned_actions_are_kept_for_memory_not_copied(evaluated):
    process, cycle, actions = evaluated
    following = relaunch(cycle)
    assert set(following.memory_actions()) == {actions["finished"], actions["abandoned"]}
    titles = set(following.actions.values_list("title", flat=True))
    assert "Café des habitants" not in titles and "Navette solidaire" not in titles
    assert "Idée écartée" not in titles


def test_the_evaluation_of_last_year_stays_with_last_year(evaluated):
    process, cycle, actions = evaluated
    actions["continued"].effectiveness = "Douze projets soutenus"
    actions["continued"].save()
    following = relaunch(cycle)
    copy = following.actions.get(previous=actions["continued"])
    assert copy.effectiveness == ""
    actions["continued"].refresh_from_db()
    assert actions["continued"].effectiveness == "Douze projets soutenus"


def test_it_copies_the_criteria_of_the_co_construction_table(evaluated):
    process, cycle, actions = evaluated
    charter = process.criteria.first()
    CriterionValue.objects.create(action=actions["continued"], criterion=charter, text="Mesures 7 et 38")
    following = relaunch(cycle)
    copy = following.actions.get(previous=actions["continued"])
    assert copy.criterion_values.get(criterion=charter).text == "Mesures 7 et 38"


def test_it_refuses_to_relaunch_the_same_year_twice(evaluated):
    process, cycle, actions = evaluated
    relaunch(cycle)
    with pytest.raises(RelaunchRefused, match="déjà été créé"):
        relaunch(cycle)
    assert Cycle.objects.filter(process=process, year=2025).get().actions.count() == 3


def test_it_fills_an_empty_next_year_but_refuses_one_that_already_has_a_plan(evaluated):
    process, cycle, actions = evaluated
    following = Cycle.objects.create(process=process, year=2025)
    add_action(following, "Déjà écrite")
    with pytest.raises(RelaunchRefused, match="contient déjà des actions"):
        relaunch(cycle)
    cycle.refresh_from_db()
    assert cycle.relaunched_at is None


def test_new_actions_are_added_to_the_relaunched_plan_as_new(evaluated):
    process, cycle, actions = evaluated
    following = relaunch(cycle)
    added = add_action(following, "Repair café")
    assert added.status == S.NEW and added.previous is None
    assert following.plan().count() == 4


def test_the_relaunch_page_says_in_french_why_a_second_relaunch_is_refused(client_in, evaluated):
    process, cycle, actions = evaluated
    url = f"/demarches/{process.pk}/{cycle.year}/relancer/"
    first = client_in.post(url)
    assert first.status_code == 302 and first.url == f"/demarches/{process.pk}/2025/"
    second = client_in.post(url, follow=True)
    assert "la relance ne se fait qu'une fois par an" in unescape(second.content.decode())
    assert Cycle.objects.filter(process=process).count() == 2


def test_another_facilitators_cycle_cannot_be_relaunched(client, other_facilitator, evaluated):
    process, cycle, actions = evaluated
    client.force_login(other_facilitator)
    assert client.post(f"/demarches/{process.pk}/{cycle.year}/relancer/").status_code == 404
    cycle.refresh_from_db()
    assert cycle.relaunched_at is None
