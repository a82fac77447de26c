"""A facilitator who switched the menu to English reads the démarche pages,
their messages and the plan's documents in English; French stays the default."""

import io
import subprocess
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from abaque.plans.models import Action, Axis, CommitteeMember
from tests.builders import add_action, make_process


@pytest.fixture
def plan(facilitator):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    axis = Axis.objects.create(process=process, number=1, title="Vie quotidienne")
    add_action(
        cycle, "Fonds d'initiatives habitants", axis=axis, lead="Parc", budget=15000, status=Action.Status.IMPROVED
    )
    add_action(cycle, "Café des habitants", status=Action.Status.FINISHED)
    CommitteeMember.objects.create(process=process, name="Anne Leroy")
    CommitteeMember.objects.create(process=process, name="Marc Petit")
    return process, cycle


@pytest.fixture
def english(client_in):
    """The menu's switch: Django's set_language, remembered in its cookie."""
    response = client_in.post(reverse("set_language"), {"language": "en", "next": "/demarches/"})
    assert response.status_code == 302
    return client_in


def test_the_demarche_page_reads_english_after_the_switch(english, plan):
    process, cycle = plan
    page = english.get(f"/demarches/{process.pk}/").content.decode()
    for heading in (
        "Steering</h2>",
        "Yearly cycles</h2>",
        "Governing board's resolutions</h2>",
        "Steering committee <span",
        "(2 members)",
        "Axes of the action plan</h2>",
        "Criteria of the table</h2>",
        ">Governance</a>",
        ">Snowball</a>",
        "Lead official</dt>",
        "2 actions",
    ):
        assert heading in page, heading
    for french in ("Pilotage", "Boucles annuelles", "Comité de pilotage", "Gouvernance", "2 membres"):
        assert french not in page, french
    assert "Axis 1: Vie quotidienne" in page  # the data stays as written


def test_the_list_and_a_message_read_english(english, plan):
    process, cycle = plan
    listing = english.get("/demarches/").content.decode()
    assert "Participatory processes</h1>" in listing and "+ New participatory process" in listing
    response = english.post(f"/demarches/{process.pk}/{cycle.year}/relancer/", follow=True)
    assert "Action plan 2025 created" in response.content.decode()


def test_the_plan_and_evaluation_documents_have_english_headings(english, plan):
    process, cycle = plan
    xlsx = english.get(f"/demarches/{process.pk}/{cycle.year}/export/plan.xlsx")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Action plan 2024"
    assert rows[2][0] == "Items"
    assert rows[3][0] == "AXIS 1: VIE QUOTIDIENNE"
    cells = [c for row in rows for c in row if c]
    assert any(c.startswith("Fonds d'initiatives habitants\nLead: Parc\nBudget: €15,000") for c in cells)
    assert "NO AXIS" in cells

    odt = english.get(f"/demarches/{process.pk}/{cycle.year}/export/evaluation.odt")
    content = zipfile.ZipFile(io.BytesIO(odt.content)).read("content.xml").decode()
    for heading in ("Evaluation 2024", "Status", "Initial objectives", "Effectiveness", "Corrections", "Improved"):
        assert heading in content, heading

    pdf = english.get(f"/demarches/{process.pk}/{cycle.year}/export/plan.pdf")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.content, capture_output=True, check=True)
    assert "Action plan 2024" in text.stdout.decode() and "NO AXIS" in text.stdout.decode()


def test_french_stays_the_default(client_in, plan):
    process, cycle = plan
    page = client_in.get(f"/demarches/{process.pk}/").content.decode()
    assert "Pilotage</h2>" in page and "(2 membres)" in page
    xlsx = client_in.get(f"/demarches/{process.pk}/{cycle.year}/export/plan.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).active["A1"].value == "Plan d'action 2024"
