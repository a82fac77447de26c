"""The co-construction table's criteria, configurable per démarche."""

from html import unescape

import pytest

from abaque.plans.models import DEFAULT_CRITERIA, CriterionValue
from tests.builders import add_action, make_process


@pytest.fixture
def process(facilitator):
    return make_process(facilitator)


def names(process):
    return list(process.criteria.values_list("name", flat=True))


def test_a_new_demarche_gets_the_four_criteria_of_the_booklet(client_in, facilitator):
    from abaque.plans.models import Process, Territory

    park = Territory.objects.create(owner=facilitator, name="PNR Scarpe-Escaut")
    response = client_in.post(
        "/demarches/nouvelle/", {"title": "Lien social", "territory": park.pk, "first_year": 2024}
    )
    process = Process.objects.get(title="Lien social")
    assert response.status_code == 302 and response.url == f"/demarches/{process.pk}/"
    assert names(process) == list(DEFAULT_CRITERIA)
    assert list(process.cycles.values_list("year", flat=True)) == [2024]


def test_a_criterion_can_be_added_at_the_end(client_in, process):
    client_in.post(f"/demarches/{process.pk}/criteres/", {"name": "  Coût   pour le Parc "})
    assert names(process)[-1] == "Coût pour le Parc"


def test_an_empty_criterion_is_refused_in_french(client_in, process):
    response = client_in.post(f"/demarches/{process.pk}/criteres/", {"name": "   "})
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in unescape(response.content.decode())
    assert len(names(process)) == 4


def test_a_criterion_can_be_renamed(client_in, process):
    criterion = process.criteria.get(name="Opérationnalité")
    client_in.post(f"/demarches/{process.pk}/criteres/{criterion.pk}/modifier/", {"name": "Faisabilité"})
    assert names(process)[2] == "Faisabilité"


def test_criteria_can_be_moved_up_and_down(client_in, process):
    comments = process.criteria.get(name="Commentaires")
    client_in.post(f"/demarches/{process.pk}/criteres/{comments.pk}/deplacer/", {"direction": "up"})
    assert names(process)[2:] == ["Commentaires", "Opérationnalité"]
    first = process.criteria.first()
    client_in.post(f"/demarches/{process.pk}/criteres/{first.pk}/deplacer/", {"direction": "up"})
    assert names(process)[0] == first.name  # the first one cannot go higher


def test_removing_a_criterion_removes_its_column_of_values(client_in, process):
    action = add_action(process.cycles.get(), "Fonds d'initiatives habitants")
    charter = process.criteria.first()
    CriterionValue.objects.create(action=action, criterion=charter, text="Mesures 7 et 38")
    client_in.post(f"/demarches/{process.pk}/criteres/{charter.pk}/supprimer/")
    assert charter.name not in names(process)
    assert not CriterionValue.objects.filter(action=action).exists()


def test_the_action_form_has_one_field_per_criterion_and_saves_them(client_in, process):
    cycle = process.cycles.get()
    url = f"/demarches/{process.pk}/{cycle.year}/actions/nouvelle/"
    page = client_in.get(url).content.decode()
    for name in names(process):
        assert unescape(name) in unescape(page)
    fields = {f"criterion_{c.pk}": f"valeur {c.position}" for c in process.criteria.all()}
    response = client_in.post(url, {"title": "Cafés-rencontres", "lead_kind": "acteur", "retained": "on", **fields})
    assert response.status_code == 302
    action = cycle.actions.get(title="Cafés-rencontres")
    assert sorted(action.criterion_values.values_list("text", flat=True)) == sorted(fields.values())


def test_a_bad_budget_keeps_everything_typed(client_in, process):
    cycle = process.cycles.get()
    charter = process.criteria.first()
    response = client_in.post(
        f"/demarches/{process.pk}/{cycle.year}/actions/nouvelle/",
        {
            "title": "Transport solidaire",
            "lead_kind": "commune",
            "budget": "beaucoup",
            f"criterion_{charter.pk}": "Mesure 21",
        },
    )
    page = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Saisissez un nombre" in page
    assert "Transport solidaire" in page and "Mesure 21" in page
    assert not cycle.actions.exists()


def test_another_demarches_criterion_answers_404(client_in, process, other_facilitator):
    other = make_process(other_facilitator)
    criterion = other.criteria.first()
    assert client_in.post(f"/demarches/{process.pk}/criteres/{criterion.pk}/supprimer/").status_code == 404
    assert other.criteria.filter(pk=criterion.pk).exists()
