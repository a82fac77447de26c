"""« Accompagnement »: an administrator of the structure that owns a démarche
shares it in reading with another structure (the park supporting a
communauté de communes), and can stop sharing; the other structure's members
then find it in their list, marked « partagée par … », and change nothing."""

import pytest
from django.test import Client

from abaque.accounts.models import JournalEntry, Structure
from abaque.plans import rules as plan_rules
from abaque.plans.models import Communication
from tests.builders import add_action, make_process
from tests.conftest import make_member


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def park(db):
    return Structure.objects.create(name="Parc naturel régional des Volcans")


@pytest.fixture
def park_member(park):
    return make_member(park, "facilitator", "parc")


@pytest.fixture
def process(facilitator, structure):
    structure.name = "Communauté de communes du Sancy"
    structure.save()
    return make_process(facilitator, title="Vivre ensemble au Sancy")


@pytest.mark.parametrize(("role", "share"), [("admin", True), ("facilitator", False), ("reader", False)])
def test_only_an_administrator_of_the_owning_structure_shares(structure, process, role, share):
    user = make_member(structure, role, f"m-{role}")
    assert plan_rules.can_share_process(user, process) is share


def test_a_supporting_structures_administrator_cannot_share_further(process, park):
    process.shared_with.add(park)
    park_admin = make_member(park, "admin", "parc-admin")
    assert plan_rules.can_view_process(park_admin, process)
    assert not plan_rules.can_share_process(park_admin, process)


def test_the_structures_offered_are_the_others_not_yet_shared_with(structure, process, park):
    other = Structure.objects.create(name="Association des habitants")
    process.shared_with.add(other)
    offered = list(plan_rules.structures_to_share_with(process))
    assert park in offered and other not in offered and structure not in offered


def test_an_administrator_shares_and_the_journal_says_so(facilitator, process, park, park_member):
    client = client_for(facilitator)
    page = client.get(f"/demarches/{process.pk}/").content.decode()
    assert "Accompagnement" in page and park.name in page  # offered in the picker
    response = client.post(f"/demarches/{process.pk}/partage/", {"structure": park.pk}, follow=True)
    assert response.status_code == 200
    assert list(process.shared_with.all()) == [park]
    assert "Démarche partagée en lecture avec Parc naturel régional des Volcans." in response.content.decode()
    entry = JournalEntry.objects.get(action="process_shared")
    assert entry.target_id == process.pk and entry.detail == park.name and entry.actor == facilitator
    assert "a partagé la démarche en lecture" in response.content.decode()


def test_the_supporting_structure_sees_it_read_only_marked_shared_by(process, park, park_member):
    process.shared_with.add(park)
    client = client_for(park_member)
    listing = client.get("/demarches/").content.decode()
    assert "Vivre ensemble au Sancy" in listing
    assert "partagée par Communauté de communes du Sancy" in listing
    detail = client.get(f"/demarches/{process.pk}/").content.decode()
    assert "partagée par Communauté de communes du Sancy" in detail
    assert "lecture seule" in detail
    assert f"/demarches/{process.pk}/modifier/" not in detail
    assert "partage/" not in detail  # no sharing form for a supporting structure
    assert client.post(f"/demarches/{process.pk}/partage/", {"structure": park.pk}).status_code == 403


def test_an_administrator_stops_sharing_and_the_others_lose_it(facilitator, process, park, park_member):
    process.shared_with.add(park)
    client = client_for(facilitator)
    response = client.post(f"/demarches/{process.pk}/partage/retirer/", {"structure": park.pk}, follow=True)
    assert response.status_code == 200
    assert not process.shared_with.exists()
    assert "Le partage avec Parc naturel régional des Volcans est arrêté." in response.content.decode()
    assert JournalEntry.objects.filter(action="process_unshared", detail=park.name).count() == 1
    assert client_for(park_member).get(f"/demarches/{process.pk}/").status_code == 404
    assert "Vivre ensemble au Sancy" not in client_for(park_member).get("/demarches/").content.decode()


def test_a_facilitator_of_the_owning_structure_may_not_share(structure, process, park):
    colleague = make_member(structure, "facilitator", "collegue2")
    client = client_for(colleague)
    assert "partage/" not in client.get(f"/demarches/{process.pk}/").content.decode()
    assert client.post(f"/demarches/{process.pk}/partage/", {"structure": park.pk}).status_code == 403
    assert not process.shared_with.exists()


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_a_wrong_structure_is_refused_with_a_message(facilitator, process, value):
    client = client_for(facilitator)
    response = client.post(f"/demarches/{process.pk}/partage/", {"structure": value}, follow=True)
    assert response.status_code == 200
    assert "Choisissez une structure" in response.content.decode()
    assert not process.shared_with.exists()
    assert not JournalEntry.objects.filter(action="process_shared").exists()


def test_one_cannot_share_with_ones_own_structure(facilitator, structure, process):
    client = client_for(facilitator)
    client.post(f"/demarches/{process.pk}/partage/", {"structure": structure.pk})
    assert not process.shared_with.exists()


def test_stopping_a_share_that_does_not_exist_changes_nothing(facilitator, process, park):
    client = client_for(facilitator)
    response = client.post(f"/demarches/{process.pk}/partage/retirer/", {"structure": park.pk}, follow=True)
    assert response.status_code == 200
    assert not JournalEntry.objects.filter(action="process_unshared").exists()


CYCLE_PAGES = ("{y}/", "{y}/evaluation/", "{y}/communication/", "{y}/seances/", "criteres/")


@pytest.mark.parametrize("page", CYCLE_PAGES)
def test_a_supporting_structure_and_a_reader_see_no_control_to_change(structure, process, park, park_member, page):
    """Read-only means no button that would only answer 403."""
    process.shared_with.add(park)
    reader = make_member(structure, "reader", "lectrice2")
    cycle = process.cycles.get()
    add_action(cycle, "Un café associatif")
    Communication.objects.create(cycle=cycle, who="Le Parc")
    path = f"/demarches/{process.pk}/" + page.format(y=cycle.year)
    for user in (park_member, reader):
        body = client_for(user).get(path).content.decode()
        assert 'method="post"' not in body.split("<main", 1)[1], (user, path)
        assert "/nouvelle/" not in body and "/modifier/" not in body, (user, path)


@pytest.mark.parametrize("page", CYCLE_PAGES)
def test_a_facilitator_of_the_owning_structure_keeps_the_controls(facilitator, process, page):
    cycle = process.cycles.get()
    body = client_for(facilitator).get(f"/demarches/{process.pk}/" + page.format(y=cycle.year)).content.decode()
    assert 'method="post"' in body.split("<main", 1)[1] or "/nouvelle/" in body
