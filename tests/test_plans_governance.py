"""Territories, démarches, deliberations, the steering committee, yearly
cycles and their séances, the communication plan."""

from html import unescape

import pytest
from conftest import build_meeting

from abaque.plans.models import Communication, CycleMeeting, Process, Territory
from tests.builders import make_process


def page(response):
    return unescape(response.content.decode())


@pytest.fixture
def process(facilitator):
    return make_process(facilitator)


def test_a_communaute_de_communes_is_a_territory_whose_parent_is_the_park(client_in, facilitator, process):
    park = process.territory
    client_in.post("/demarches/territoires/nouveau/", {"name": "CC Cœur d'Ostrevent", "kind": "cc", "parent": park.pk})
    assert Territory.objects.get(name="CC Cœur d'Ostrevent").parent == park


def test_a_territory_cannot_take_another_facilitators_park_as_parent(client_in, other_facilitator):
    foreign = Territory.objects.create(owner=other_facilitator, name="Parc voisin")
    response = client_in.post("/demarches/territoires/nouveau/", {"name": "CC", "kind": "cc", "parent": foreign.pk})
    assert response.status_code == 200 and not Territory.objects.filter(name="CC").exists()


def test_a_local_demarche_records_that_the_park_only_supports_it(client_in, facilitator, process):
    local = Territory.objects.create(owner=facilitator, name="CC Cœur d'Ostrevent", kind="cc", parent=process.territory)
    client_in.post(
        "/demarches/nouvelle/", {"title": "Lien social local", "territory": local.pk, "park_supports_only": "on"}
    )
    created = Process.objects.get(title="Lien social local")
    assert created.park_supports_only
    detail = page(client_in.get(f"/demarches/{created.pk}/"))
    assert "le Parc se situe uniquement en accompagnement" in detail
    assert "Lien social local" in page(client_in.get(f"/demarches/{process.pk}/"))  # listed under the park


def test_the_park_cannot_only_support_its_own_demarche(client_in, process):
    response = client_in.post(
        "/demarches/nouvelle/", {"title": "Mal posée", "territory": process.territory.pk, "park_supports_only": "on"}
    )
    assert "choisissez une communauté de communes rattachée au Parc" in page(response)
    assert "Mal posée" in page(response)  # nothing typed is lost
    assert not Process.objects.filter(title="Mal posée").exists()


def test_creating_a_demarche_without_territory_leads_to_the_territory_form(client_in):
    response = client_in.get("/demarches/nouvelle/")
    assert response.status_code == 302 and response.url == "/demarches/territoires/nouveau/"


def test_the_deliberation_records_date_text_and_mandate(client_in, process):
    client_in.post(
        f"/demarches/{process.pk}/deliberation/nouveau/",
        {
            "date": "2023-12-07",
            "body": "Comité syndical du Parc",
            "text": "Le comité syndical engage la démarche.",
            "mandate": "Proposer un plan d'action et l'évaluer chaque année.",
        },
    )
    deliberation = process.deliberations.get()
    assert str(deliberation.date) == "2023-12-07"
    assert "Proposer un plan d'action" in page(client_in.get(f"/demarches/{process.pk}/"))


def test_a_deliberation_without_date_is_refused_and_keeps_its_text(client_in, process):
    response = client_in.post(
        f"/demarches/{process.pk}/deliberation/nouveau/", {"body": "Comité syndical", "text": "Texte long"}
    )
    assert response.status_code == 200 and "Texte long" in page(response) and not process.deliberations.exists()


def test_committee_members_have_a_category_and_an_organisation(client_in, process):
    client_in.post(
        f"/demarches/{process.pk}/membre/nouveau/",
        {"name": "Rachid Amrani", "organisation": "CAF du Nord", "category": "partenaire"},
    )
    member = process.members.get()
    assert (member.organisation, member.get_category_display()) == ("CAF du Nord", "Partenaire")


def test_the_lead_official_and_facilitator_are_recorded(client_in, process):
    client_in.post(
        f"/demarches/{process.pk}/modifier/",
        {
            "title": process.title,
            "territory": process.territory.pk,
            "lead_official": "Martine Lefebvre",
            "lead_facilitator": "Nadia Belkacem",
        },
    )
    process.refresh_from_db()
    assert (process.lead_official, process.lead_facilitator) == ("Martine Lefebvre", "Nadia Belkacem")


def test_a_new_cycle_proposes_the_next_year_and_refuses_a_duplicate(client_in, process):
    assert 'value="2025"' in page(client_in.get(f"/demarches/{process.pk}/boucles/nouvelle/"))
    response = client_in.post(f"/demarches/{process.pk}/boucles/nouvelle/", {"year": 2024})
    assert "La boucle 2024 existe déjà." in page(response)
    client_in.post(f"/demarches/{process.pk}/boucles/nouvelle/", {"year": 2025})
    assert list(process.cycles.values_list("year", flat=True)) == [2024, 2025]


def test_a_seance_is_attached_to_a_cycle_with_its_group(client_in, facilitator, process):
    meeting = build_meeting(facilitator)
    url = f"/demarches/{process.pk}/2024/seances/"
    client_in.post(url, {"meeting": meeting.pk, "group": "reunion_publique"})
    link = CycleMeeting.objects.get(meeting=meeting)
    assert (link.cycle.year, link.get_group_display()) == (2024, "Réunion publique")
    client_in.post(f"{url}{link.pk}/detacher/")
    assert not CycleMeeting.objects.exists()
    meeting.refresh_from_db()  # detaching never deletes the séance


def test_another_facilitators_seance_cannot_be_attached(client_in, process, other_meeting):
    response = client_in.post(f"/demarches/{process.pk}/2024/seances/", {"meeting": other_meeting.pk, "group": "copil"})
    assert response.status_code == 200 and not CycleMeeting.objects.exists()


def test_a_communication_has_several_channels_and_a_status(client_in, process):
    client_in.post(
        f"/demarches/{process.pk}/2024/communication/nouvelle/",
        {
            "who": "Le comité de pilotage",
            "targets": "Habitants",
            "channels": ["presse", "affiches", "reseaux_sociaux"],
            "start": "2024-05-01",
            "status": "en_cours",
        },
    )
    communication = Communication.objects.get()
    assert communication.channel_labels() == ["Presse locale", "Affiches", "Réseaux sociaux"]
    listing = page(client_in.get(f"/demarches/{process.pk}/2024/communication/"))
    assert "Presse locale" in listing and "En cours" in listing


def test_a_communication_ending_before_it_starts_is_refused(client_in, process):
    response = client_in.post(
        f"/demarches/{process.pk}/2024/communication/nouvelle/",
        {"who": "L'élu référent", "start": "2024-05-01", "end": "2024-04-01", "status": "prevue"},
    )
    assert "La date de fin précède la date de début." in page(response)
    assert "L'élu référent" in page(response)
    assert not Communication.objects.exists()
