"""The snowball dashboard and the documents of a cycle."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from ..access import get_process
from ..dashboard import dashboard as figures
from ..exports.odt import write_odt
from ..exports.pdf import write_pdf
from ..exports.tables import evaluation_table, plan_table
from ..exports.xlsx import write_xlsx
from .common import cycle_context


def dashboard(request, process_id):
    process = get_process(request, process_id)
    data = figures(process)
    data["charts"] = [(title, mark_safe(svg)) for title, svg in data["charts"]]  # built from escaped text in charts.py
    return render(request, "plans/dashboard.html", {"process": process, "tab": "dashboard", **data})


TABLES = {"plan": plan_table, "evaluation": evaluation_table}
FORMATS = {
    "pdf": (write_pdf, "application/pdf"),
    "odt": (write_odt, "application/vnd.oasis.opendocument.text"),
    "xlsx": (write_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def export(request, process_id, year, document, fmt):
    if document not in TABLES or fmt not in FORMATS:
        raise Http404
    process, cycle, _ = cycle_context(request, process_id, year, document)
    write, content_type = FORMATS[fmt]
    response = HttpResponse(write(TABLES[document](cycle)), content_type=content_type)
    name = slugify(f"{document}-{cycle.year}-{process.title}")[:80]
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
