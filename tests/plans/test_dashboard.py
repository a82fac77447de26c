"""The snowball dashboard: figures per year, SVG charts, plain sentences."""

import re
from decimal import Decimal
from html import unescape

import pytest
from conftest import build_meeting

from abaque.plans import charts
from abaque.plans.dashboard import dashboard, process_figures, trend_sentence
from abaque.plans.models import Action, Cycle
from tests.builders import add_action, attach, make_process

K, S = Action.LeadKind, Action.Status


@pytest.fixture
def process(facilitator):
    process = make_process(facilitator, years=(2024, 2025))
    y24, y25 = process.cycles.all()
    add_action(
        y24, "Fonds", lead="Parc", lead_kind=K.PARK, budget=Decimal(10000), partners="CAF, Région", status=S.FINISHED
    )
    add_action(y24, "Cafés", lead="Centre social", lead_kind=K.ACTOR, budget=Decimal(2000), partners="caf")
    add_action(y24, "Écarté", retained=False, lead="Commune de Wallers", lead_kind=K.COMMUNE, budget=Decimal(99999))
    add_action(y25, "Cafés", lead="Centre social", lead_kind=K.ACTOR, budget=Decimal(3000), status=S.CONTINUED)
    add_action(
        y25,
        "Transport",
        lead="Commune de Wallers",
        lead_kind=K.COMMUNE,
        budget=Decimal(6000),
        partners="MSA\nCroix-Rouge",
    )
    add_action(y25, "Annuaire", lead="CC Cœur d'Ostrevent", lead_kind=K.INTERCOMMUNALITY, partners="La Poste; CAF")
    add_action(y25, "Épicerie", lead="Secours populaire", lead_kind=K.PARTNER, budget=Decimal(4000), status=S.IMPROVED)
    attach(y24, build_meeting(facilitator, n_participants=4))
    attach(y25, build_meeting(facilitator, n_participants=6, title="Réunion publique"))
    return process


def test_it_counts_only_the_retained_actions_of_each_year(process):
    y24, y25 = process_figures(process)
    assert (y24.year, y24.actions, y25.actions) == (2024, 2, 4)
    assert y24.by_status[S.FINISHED] == 1 and y24.by_status[S.NEW] == 1
    assert y25.by_status == {"nouvelle": 2, "a_poursuivre": 1, "amelioree": 1, "terminee": 0, "abandonnee": 0}


def test_it_counts_distinct_carriers_by_kind(process):
    y24, y25 = process_figures(process)
    assert (y24.carried_by_others, y25.carried_by_others) == (1, 4)
    assert (y24.actors, y25.actors) == (1, 1)
    assert (y24.communes, y25.communes) == (0, 2)
    # partners: named on actions (« CAF » and « caf » are one) plus partner-led actions
    assert y24.partners == 2
    assert y25.partners == 5  # MSA, Croix-Rouge, La Poste, CAF, Secours populaire


def test_it_sums_funds_and_counts_participants_of_the_years_seances(process):
    y24, y25 = process_figures(process)
    assert (y24.funds, y25.funds) == (Decimal(12000), Decimal(13000))
    assert (y24.participants, y25.participants) == (4, 6)


def test_the_committees_own_votes_are_not_counted_as_participants(facilitator, process):
    from abaque.plans.models import CycleMeeting

    y24 = process.cycles.get(year=2024)
    attach(
        y24,
        build_meeting(facilitator, n_participants=5, title="Priorisation"),
        purpose=CycleMeeting.Purpose.PRIORITISATION,
    )
    assert process_figures(process)[0].participants == 4


def test_the_sentence_gives_the_change_between_the_first_and_last_year(process):
    y24, y25 = process_figures(process)
    assert (
        trend_sentence("actions portées par des partenaires", y24, y25, "carried_by_others")
        == "+300 % d'actions portées par des partenaires entre 2024 et 2025"
    )
    assert (
        trend_sentence("communes porteuses", y24, y25, "communes") == "De 0 à 2 communes porteuses entre 2024 et 2025"
    )
    assert trend_sentence("acteurs porteurs", y24, y25, "actors") == "Autant d'acteurs porteurs en 2025 qu'en 2024"


def test_a_decrease_reads_with_a_minus_sign(process):
    y24, y25 = process_figures(process)
    assert trend_sentence("participants", y25, y24, "participants").startswith("−33 % de participants")


def test_every_chart_has_one_bar_per_year(process):
    Cycle.objects.create(process=process, year=2026)
    data = dashboard(process)
    assert len(data["charts"]) == 7
    for title, svg in data["charts"]:
        labels = re.findall(r'class="bar" data-label="(\d+)"', svg)
        assert labels == ["2024", "2025", "2026"], title
    assert data["accelerating"] is False  # 2026 is still empty


def test_a_bar_is_as_high_as_its_value():
    svg = charts.bar_chart("Actions", ["2024", "2025"], [5, 10])
    heights = [float(h) for h in re.findall(r'class="bar"[^>]*height="([\d.]+)"', svg)]
    assert heights[1] == pytest.approx(2 * heights[0])
    assert "<title>Actions</title>" in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_the_chart_escapes_what_the_user_typed():
    svg = charts.bar_chart("<script>", ["<b>"], [1])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_the_page_shows_the_sentences_and_the_charts(client_in, process):
    page = unescape(client_in.get(f"/demarches/{process.pk}/tableau-de-bord/").content.decode())
    assert page.count("<svg") == 7
    assert "+300 % d'actions portées par des partenaires entre 2024 et 2025" in page
    assert "La démarche s'accélère" in page


def test_in_english_the_sentences_charts_and_figures_read_english(process):
    from django.utils import translation

    with translation.override("en"):
        y24, y25 = process_figures(process)
        assert (
            trend_sentence(charts_noun("carried_by_others"), y24, y25, "carried_by_others")
            == "+300% actions led by partners between 2024 and 2025"
        )
        assert trend_sentence(charts_noun("actors"), y24, y25, "actors") == (
            "As many local actors and residents leading actions in 2025 as in 2024"
        )
        data = dashboard(process)
    titles = [title for title, _svg in data["charts"]]
    assert titles[0] == "Actions in the plan, by status" and "Funds raised (€)" in titles
    funds = dict(data["charts"])["Funds raised (€)"]
    assert ">12,000<" in funds and ">13,000<" in funds  # English digits on the bars
    assert "2024: 12,000" in unescape(funds)
    assert "Finished" in data["charts"][0][1]  # the status legend


def test_in_french_the_bars_keep_french_digits(process):
    funds = dict(dashboard(process)["charts"])["Fonds mobilisés (€)"]
    assert ">12 000<" in funds and "2024 : 12 000" in unescape(funds)


def charts_noun(attribute):
    from abaque.plans.dashboard import METRICS

    return next(noun for attr, _title, noun in METRICS if attr == attribute)


def test_the_plans_money_follows_the_language():
    from django.utils import translation

    from abaque.plans.exports.tables import money

    assert money(Decimal(15000)) == "15 000 €"
    with translation.override("en"):
        assert money(Decimal(15000)) == "€15,000"
