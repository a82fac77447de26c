"""A facilitator only reaches the démarches they created: every view that
takes an id answers 404 to another facilitator, and renders for its owner."""

import datetime

import pytest
from conftest import build_meeting

from abaque.plans.models import Axis, CommitteeMember, Communication, Deliberation
from tests.builders import add_action, attach, make_process


@pytest.fixture
def world(facilitator):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    meeting = build_meeting(facilitator)
    return {
        "p": process.pk,
        "y": cycle.year,
        "territory": process.territory_id,
        "action": add_action(cycle, "Fonds d'initiatives habitants").pk,
        "criterion": process.criteria.first().pk,
        "member": CommitteeMember.objects.create(process=process, name="Anne Leroy").pk,
        "deliberation": Deliberation.objects.create(
            process=process, date=datetime.date(2024, 3, 1), text="Lancement"
        ).pk,
        "axis": Axis.objects.create(process=process, number=1, title="Vie quotidienne").pk,
        "communication": Communication.objects.create(cycle=cycle, who="Le comité").pk,
        "link": attach(cycle, meeting).pk,
    }


PAGES = [  # (method, url) of every view that takes an id
    ("get", "/demarches/territoires/{territory}/modifier/"),
    ("get", "/demarches/{p}/"),
    ("get", "/demarches/{p}/modifier/"),
    ("get", "/demarches/{p}/deliberation/nouveau/"),
    ("get", "/demarches/{p}/deliberation/{deliberation}/modifier/"),
    ("post", "/demarches/{p}/deliberation/{deliberation}/supprimer/"),
    ("get", "/demarches/{p}/membre/nouveau/"),
    ("get", "/demarches/{p}/membre/{member}/modifier/"),
    ("post", "/demarches/{p}/membre/{member}/supprimer/"),
    ("get", "/demarches/{p}/axe/nouveau/"),
    ("get", "/demarches/{p}/axe/{axis}/modifier/"),
    ("post", "/demarches/{p}/axe/{axis}/supprimer/"),
    ("get", "/demarches/{p}/criteres/"),
    ("get", "/demarches/{p}/criteres/{criterion}/modifier/"),
    ("post", "/demarches/{p}/criteres/{criterion}/deplacer/"),
    ("post", "/demarches/{p}/criteres/{criterion}/supprimer/"),
    ("get", "/demarches/{p}/boucles/nouvelle/"),
    ("get", "/demarches/{p}/comparer/"),
    ("get", "/demarches/{p}/tableau-de-bord/"),
    ("get", "/demarches/{p}/{y}/"),
    ("get", "/demarches/{p}/{y}/actions/nouvelle/"),
    ("get", "/demarches/{p}/{y}/actions/depuis-les-items/"),
    ("post", "/demarches/{p}/{y}/actions/retenir-les-premieres/"),
    ("get", "/demarches/{p}/{y}/actions/{action}/modifier/"),
    ("post", "/demarches/{p}/{y}/actions/{action}/deplacer/"),
    ("post", "/demarches/{p}/{y}/actions/{action}/retenir/"),
    ("get", "/demarches/{p}/{y}/actions/{action}/evaluer/"),
    ("post", "/demarches/{p}/{y}/actions/{action}/supprimer/"),
    ("post", "/demarches/{p}/{y}/vote/priorisation/"),
    ("post", "/demarches/{p}/{y}/vote/{link}/appliquer/"),
    ("get", "/demarches/{p}/{y}/seances/"),
    ("post", "/demarches/{p}/{y}/seances/{link}/detacher/"),
    ("get", "/demarches/{p}/{y}/evaluation/"),
    ("get", "/demarches/{p}/{y}/synthese/"),
    ("post", "/demarches/{p}/{y}/relancer/"),
    ("get", "/demarches/{p}/{y}/communication/"),
    ("get", "/demarches/{p}/{y}/communication/nouvelle/"),
    ("get", "/demarches/{p}/{y}/communication/{communication}/modifier/"),
    ("post", "/demarches/{p}/{y}/communication/{communication}/supprimer/"),
    ("get", "/demarches/{p}/{y}/export/plan.xlsx"),
    ("get", "/demarches/{p}/{y}/export/evaluation.odt"),
]


@pytest.mark.parametrize("method,url", PAGES)
def test_another_facilitators_demarche_answers_404(client, other_facilitator, world, method, url):
    client.force_login(other_facilitator)
    response = getattr(client, method)(url.format(**world))
    assert response.status_code == 404


@pytest.mark.parametrize("method,url", PAGES)
def test_the_owner_reaches_every_page_of_their_demarche(client_in, world, method, url):
    response = getattr(client_in, method)(url.format(**world))
    assert response.status_code in (200, 302)


def test_an_unknown_year_of_ones_own_demarche_answers_404(client_in, world):
    assert client_in.get(f"/demarches/{world['p']}/1999/").status_code == 404


def test_the_list_shows_only_the_facilitators_own_demarches(client, facilitator, other_facilitator):
    make_process(facilitator, title="Ma démarche")
    make_process(other_facilitator, title="Démarche voisine")
    client.force_login(facilitator)
    page = client.get("/demarches/").content.decode()
    assert "Ma démarche" in page and "Démarche voisine" not in page


def test_pages_need_a_login(client, world):
    response = client.get(f"/demarches/{world['p']}/")
    assert response.status_code == 302
    assert response.url.startswith(("/login", "/connexion", "/accounts"))


def test_a_deletion_refuses_a_post_without_csrf_token(csrf_client, world):
    response = csrf_client.post(f"/demarches/{world['p']}/membre/{world['member']}/supprimer/")
    assert response.status_code == 403
