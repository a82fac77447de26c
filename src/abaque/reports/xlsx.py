"""The compte-rendu as a spreadsheet: one coloured matrix per round, and
every vote as a row for those who want to redo the analysis."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from abaque import scale
from abaque.documents.xlsx import WRAP, bold_row, column_widths, fill, sheet_title, workbook_bytes
from abaque.meetings.language import in_meeting_language
from abaque.safe_cells import spreadsheet_row

from .content import MatrixView, Report, RoundGroups, group_consensus_lines, group_header, group_rows
from .raw import vote_header, vote_rows

THIN = Side(style="thin", color="777777")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
# Fill and font per code, from the scale: never a colour written here.
FILLS = {lv.code: fill(lv.colour) for lv in scale.LEVELS}
INKS = {lv.code: Font(bold=True, color=lv.ink.lstrip("#").upper()) for lv in scale.LEVELS}
N_STATS = 5  # columns before the participants'


def stats_header() -> list[str]:
    return [_("N°"), _("Item"), _("Moyenne"), _("Consensus"), _("Verdict")]


def build_xlsx(report: Report) -> bytes:
    with in_meeting_language(report.meeting):  # the séance's language, whatever the reader's pages are in
        return _build_xlsx(report)


def _build_xlsx(report: Report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for round_report in report.rounds:
        _round_sheet(book.create_sheet(sheet_title(round_report.title)), round_report.matrices[0])
        if round_report.groups and round_report.groups.groups:
            title = _("Groupes d'opinion (tour %(n)s)") % {"n": round_report.round.number}
            _groups_sheet(book.create_sheet(sheet_title(title)), round_report.groups)
    _votes_sheet(book.create_sheet(_("Votes")), report)
    return workbook_bytes(book)


def _round_sheet(sheet, view: MatrixView):
    """Items as rows (text, mean, consensus, verdict), participants as columns."""
    participants = [p.label for p in view.participants]
    sheet.append(spreadsheet_row(stats_header() + participants))
    bold_row(sheet)
    for j in range(N_STATS + 1, N_STATS + len(participants) + 1):
        sheet.cell(1, j).alignment = Alignment(text_rotation=90, horizontal="center")
        sheet.column_dimensions[get_column_letter(j)].width = 4.5
    for row in view.rows:
        stats = row.stats
        consensus = None if stats.consensus is None else round(stats.consensus, 3)
        mean = None if stats.mean is None else round(stats.mean, 2)
        symbols = [scale.BY_CODE[code].symbol if code else None for _, code in row.cells]
        # The scale's own symbols (++, +) are ours, not typed: written as they are.
        sheet.append([*spreadsheet_row([row.number, row.entry.text, mean, consensus, row.verdict_label]), *symbols])
        _colour(sheet, sheet.max_row, [code for _, code in row.cells])
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["E"].width = 18
    sheet.freeze_panes = sheet.cell(2, N_STATS + 1)


def _groups_sheet(sheet, groups: RoundGroups):
    """The PDF's « Groupes d'opinion » table, then the group-informed consensus."""
    sheet.append(spreadsheet_row(group_header()))
    bold_row(sheet)
    for row in group_rows(groups):
        sheet.append(spreadsheet_row(row))
    for line in group_consensus_lines(groups):
        sheet.append(spreadsheet_row([line]))
    column_widths(sheet, (8, 7, 50, 80))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP


def _colour(sheet, row: int, codes: list[str | None]):
    for k, code in enumerate(codes):
        cell = sheet.cell(row, N_STATS + 1 + k)
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center")
        if code:
            cell.fill, cell.font = FILLS[code], INKS[code]


def _votes_sheet(sheet, report: Report):
    rows = vote_rows(report)
    sheet.append(spreadsheet_row(vote_header(list(rows[0].keys()) if rows else ["tour"])))
    bold_row(sheet)
    for row in rows:
        sheet.append(
            spreadsheet_row(
                [str(v) if v is not None and not isinstance(v, (int, float, str)) else v for v in row.values()]
            )
        )
    column_widths(sheet, (6, 6, 45, 20, 14, 6, 32, 22, 20))
