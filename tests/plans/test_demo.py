"""The demo démarche: three years around the demo séance, every page filled."""

import pytest

from abaque.meetings.demo import demo_year
from abaque.meetings.demo import load as load_meeting
from abaque.plans import demo
from abaque.plans.dashboard import process_figures
from abaque.plans.models import Action, Process


@pytest.fixture(scope="module")
def demo_process(django_db_setup, django_db_blocker):
    """Loaded once for the module: the demo casts hundreds of votes."""
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("demo-plans", "", "x")
        process = demo.load(user, load_meeting(user))
        yield process
        # Leave the test database as we found it for the other modules.
        Process.objects.filter(owner=user).delete()
        user.meetings.all().delete()
        user.territories.all().delete()
        user.delete()


pytestmark = pytest.mark.django_db
YEAR = demo_year()  # the demo's current cycle moves with today


def test_it_creates_the_park_its_communaute_de_communes_and_the_local_demarche(demo_process):
    local = Process.objects.get(owner=demo_process.owner, park_supports_only=True)
    assert local.territory.parent == demo_process.territory
    assert demo_process.territory.name == "Parc naturel régional Scarpe-Escaut"


def test_the_committee_has_six_elus_and_five_techniciens_as_in_the_booklet(demo_process):
    categories = list(demo_process.members.values_list("category", flat=True))
    assert categories.count("elu") == 6 and categories.count("technicien") == 5


def test_the_2024_plan_holds_item_10_with_its_booklet_criteria_and_actions_from_the_seance(demo_process):
    plan = demo_process.cycles.get(year=YEAR - 2).plan()
    assert 8 <= plan.count() <= 12
    item_10 = plan.get(title__startswith="Item 10")
    assert "Mesures 7 et 38" in item_10.criterion_values.values_list("text", flat=True)
    assert plan.exclude(item=None).count() >= 5


def test_2025_has_carried_over_new_and_memory_actions(demo_process):
    cycle = demo_process.cycles.get(year=YEAR - 1)
    assert cycle.actions.exclude(previous=None).exists()
    assert cycle.actions.filter(previous=None).exists()
    assert cycle.memory_actions().filter(status=Action.Status.FINISHED).exists()


def test_the_dashboard_grows_from_year_to_year(demo_process):
    years = process_figures(demo_process)
    assert [y.year for y in years] == [YEAR - 2, YEAR - 1, YEAR]
    assert years[0].carried_by_others < years[-1].carried_by_others
    assert years[0].funds < years[1].funds < years[2].funds
    assert years[0].participants < years[-1].participants


def test_the_demo_pages_render(client, demo_process):
    client.force_login(demo_process.owner)
    for url in (
        "",
        f"{YEAR - 2}/",
        f"{YEAR - 1}/",
        f"{YEAR - 2}/evaluation/",
        f"{YEAR}/communication/",
        "tableau-de-bord/",
        "comparer/",
    ):
        assert client.get(f"/demarches/{demo_process.pk}/{url}").status_code == 200


@pytest.mark.parametrize(("language", "words"), [("fr", "Charge la démo"), ("en", "Loads the demo")])
def test_the_demo_commands_help_reads_in_the_active_language(language, words):
    from django.utils import translation

    from abaque.plans.management.commands.demo import Command

    with translation.override(language):
        text = Command().create_parser("abaque", "demo").format_help()
    assert words in text
