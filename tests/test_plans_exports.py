"""The action plan and the evaluation as PDF, ODT and XLSX, in the booklet's layout."""

import io
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from abaque.plans.models import Action, Axis, CriterionValue
from abaque.plans.relaunch import relaunch
from tests.builders import add_action, make_process

ITEM_10 = "Item 10 : Faire émerger des projets habitants"


@pytest.fixture
def plan(facilitator):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    axis = Axis.objects.create(
        process=process, number=1, title="Un projet de territoire qui améliore la vie quotidienne des habitants"
    )
    fund = add_action(
        cycle,
        ITEM_10,
        axis=axis,
        lead="Parc",
        budget=15000,
        funders="Région, CAF",
        status=Action.Status.IMPROVED,
        effectiveness="Douze projets soutenus",
        corrections="Simplifier le dossier",
    )
    charter = process.criteria.get(name="Convergence avec la charte du Parc")
    CriterionValue.objects.create(action=fund, criterion=charter, text="Mesures 7 et 38")
    add_action(cycle, "Café des habitants", status=Action.Status.FINISHED, effectiveness="Objectifs atteints")
    add_action(cycle, "Idée non retenue", retained=False)
    cycle.synthesis = "Une première année qui a évité l'inaction prolongée."
    cycle.save()
    return process, cycle


def url(process, cycle, document, fmt):
    return f"/demarches/{process.pk}/{cycle.year}/export/{document}.{fmt}"


def test_the_xlsx_plan_has_axes_as_merged_rows_then_one_column_per_criterion(client_in, plan):
    process, cycle = plan
    response = client_in.get(url(process, cycle, "plan", "xlsx"))
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[2] == [
        "Items",
        "Convergence avec la charte du Parc",
        "Convergence avec les politiques ou les actions des partenaires",
        "Opérationnalité",
        "Commentaires",
    ]
    assert rows[3][0] == "AXE 1 : UN PROJET DE TERRITOIRE QUI AMÉLIORE LA VIE QUOTIDIENNE DES HABITANTS"
    assert "A4:E4" in {str(r) for r in sheet.merged_cells.ranges}
    assert rows[4][0].startswith(ITEM_10) and "Budget : 15 000 €" in rows[4][0]
    assert rows[4][1] == "Mesures 7 et 38"
    assert not any("Idée non retenue" in str(r[0]) for r in rows)


def test_the_relaunched_plan_lists_ended_actions_for_memory(client_in, plan):
    process, cycle = plan
    following = relaunch(cycle)
    sheet = load_workbook(io.BytesIO(client_in.get(url(process, following, "plan", "xlsx")).content)).active
    firsts = [row[0] for row in sheet.iter_rows(values_only=True)]
    memory = firsts.index("POUR MÉMOIRE : ACTIONS TERMINÉES OU ABANDONNÉES")
    assert firsts[memory + 1] == "Café des habitants\nTerminée en 2024"
    assert any(str(f).startswith(ITEM_10) for f in firsts[:memory])


def test_the_odt_plan_holds_the_table_and_the_axis_row_spans_every_column(client_in, plan):
    process, cycle = plan
    response = client_in.get(url(process, cycle, "plan", "odt"))
    content = zipfile.ZipFile(io.BytesIO(response.content)).read("content.xml").decode()
    assert "Plan d'action 2024" in content.replace("&apos;", "'")
    assert 'table:number-columns-spanned="5"' in content
    assert "Mesures 7 et 38" in content and "Opérationnalité" in content


def test_the_odt_is_landscape(client_in, plan):
    process, cycle = plan
    response = client_in.get(url(process, cycle, "evaluation", "odt"))
    styles = zipfile.ZipFile(io.BytesIO(response.content)).read("styles.xml").decode()
    assert 'style:print-orientation="landscape"' in styles


def test_the_pdf_evaluation_reads_its_actions_statuses_and_synthesis(client_in, plan):
    process, cycle = plan
    response = client_in.get(url(process, cycle, "evaluation", "pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "Évaluation 2024",
        "Améliorée",
        "Terminée",
        "Douze projets soutenus",
        "Simplifier le dossier",
        "Synthèse",
        "inaction prolongée",
    ):
        assert expected in text


def test_the_pdf_is_landscape_a4(client_in, plan):
    process, cycle = plan
    response = client_in.get(url(process, cycle, "plan", "pdf"))
    info = subprocess.run(["pdfinfo", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
    assert "841.89 x 595.27" in info  # width > height: landscape


def test_the_xlsx_evaluation_has_one_row_per_retained_action(client_in, plan):
    process, cycle = plan
    sheet = load_workbook(io.BytesIO(client_in.get(url(process, cycle, "evaluation", "xlsx")).content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:6] == ("Action", "Statut", "Objectifs initiaux", "Efficacité", "Impacts", "Correctifs")
    actions = [r for r in rows[3:] if r[1] in ("Améliorée", "Terminée")]
    assert [(r[0][:7], r[1]) for r in actions] == [("Item 10", "Améliorée"), ("Café de", "Terminée")]


def test_an_unknown_format_answers_404(client_in, plan):
    process, cycle = plan
    assert client_in.get(url(process, cycle, "plan", "docx")).status_code == 404
