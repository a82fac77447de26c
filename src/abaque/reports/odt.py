"""The compte-rendu as an editable OpenDocument text (LibreOffice, Word),
with the PDF's content, for the facilitator to complete."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from odf.opendocument import OpenDocumentText
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

from abaque import scale
from abaque.documents.odt import add_style, odt_bytes, page_style
from abaque.meetings.language import in_meeting_language
from abaque.safe_cells import clean_text
from abaque.templatetags.abaque import fr_date, level_label, pct, signed

from .content import MatrixView, Report, counts_text, group_consensus_lines, group_header, group_rows, participant_keys

PORTRAIT_TEXT_CM = 17.0
LANDSCAPE_TEXT_CM = 27.7
BORDER = "0.5pt solid #777777"


class OdtWriter:
    """A small vocabulary over odfpy: headings, paragraphs, tables with
    coloured cells, and switching between portrait and landscape pages."""

    def __init__(self):
        self.doc = OpenDocumentText()
        self._styles: dict[str, Style] = {}
        self._page_styles()
        self._text_styles()

    def _page_styles(self):
        for name in ("Portrait", "Paysage"):
            page_style(self.doc, name, landscape=name == "Paysage")
            # A heading in this style starts a page of this orientation.
            self._add(
                f"Start{name}",
                "paragraph",
                self.doc.automaticstyles,
                TextProperties(fontsize="15pt", fontweight="bold"),
                ParagraphProperties(marginbottom="0.3cm"),
                master=name,
            )

    def _text_styles(self):
        self._add(
            "Titre",
            "paragraph",
            self.doc.styles,
            TextProperties(fontsize="24pt", fontweight="bold"),
            ParagraphProperties(margintop="1cm", marginbottom="0.5cm"),
        )
        self._add(
            "Question",
            "paragraph",
            self.doc.styles,
            TextProperties(fontsize="14pt", fontstyle="italic"),
            ParagraphProperties(marginbottom="0.8cm"),
        )
        for level, size in ((1, "15pt"), (2, "12pt")):
            self._add(
                f"Titre{level}",
                "paragraph",
                self.doc.styles,
                TextProperties(fontsize=size, fontweight="bold"),
                ParagraphProperties(margintop="0.5cm", marginbottom="0.2cm", keepwithnext="always"),
            )
        self._add(
            "Note",
            "paragraph",
            self.doc.styles,
            TextProperties(fontstyle="italic"),
            ParagraphProperties(marginleft="0.6cm", padding="0.15cm", backgroundcolor="#f3f5f7"),
        )
        self._add("Petit", "paragraph", self.doc.styles, TextProperties(fontsize="7pt"))
        self._add("Entete", "paragraph", self.doc.styles, TextProperties(fontsize="8pt", fontweight="bold"))
        self._add(
            "Cellule", "table-cell", self.doc.automaticstyles, TableCellProperties(border=BORDER, padding="0.05cm")
        )
        for lv in scale.LEVELS:
            self._add(
                f"lv-{lv.code}",
                "table-cell",
                self.doc.automaticstyles,
                TableCellProperties(backgroundcolor=lv.colour, border=BORDER, padding="0.02cm"),
            )
            self._add(
                f"sym-{lv.code}",
                "paragraph",
                self.doc.automaticstyles,
                TextProperties(color=lv.ink, fontweight="bold", fontsize="7pt"),
                # the paragraph too, for readers that paint it over the cell
                ParagraphProperties(textalign="center", backgroundcolor=lv.colour),
            )

    def _add(self, name, family, where, *properties, master=None):
        self._styles[name] = add_style(where, name, family, *properties, master=master)

    def _style(self, name):
        return self._styles[name]

    # Content

    def heading(self, text: str, level: int = 1, page: str | None = None):
        style = self._style(f"Start{page}") if page else self._style(f"Titre{level}")
        self.doc.text.addElement(H(outlinelevel=level, stylename=style, text=clean_text(text)))

    def para(self, text: str, style: str | None = None):
        text = clean_text(text)  # data stored before input was cleaned
        paragraph = P(stylename=self._style(style), text=text) if style else P(text=text)
        self.doc.text.addElement(paragraph)

    def table(self, header: list[str], rows: list[list], widths_cm: list[float], small: bool = False):
        """`rows` hold strings, or Level objects for a coloured cell with its symbol."""
        table = Table(stylename=self._table_style(sum(widths_cm)))
        for _i, width in enumerate(widths_cm):
            table.addElement(TableColumn(stylename=self._column_style(width)))
        table.addElement(self._row(header, "Entete"))
        for row in rows:
            table.addElement(self._row(row, "Petit" if small else None))
        self.doc.text.addElement(table)

    def _row(self, values, text_style):
        row = TableRow()
        for value in values:
            if isinstance(value, scale.Level):
                cell = TableCell(stylename=self._style(f"lv-{value.code}"), valuetype="string")
                cell.addElement(P(stylename=self._style(f"sym-{value.code}"), text=value.symbol))
            else:
                cell = TableCell(stylename=self._style("Cellule"), valuetype="string")
                for line in clean_text(str(value)).split("\n"):
                    cell.addElement(P(stylename=self._style(text_style), text=line) if text_style else P(text=line))
            row.addElement(cell)
        return row

    def _table_style(self, width_cm):
        return self._sized("Table", "table", width_cm, lambda width: TableProperties(width=width, align="left"))

    def _column_style(self, width_cm):
        return self._sized("Col", "table-column", width_cm, lambda width: TableColumnProperties(columnwidth=width))

    def _sized(self, prefix, family, width_cm, properties):
        """One automatic style per width, made on first use."""
        name = f"{prefix}{width_cm:.2f}"
        if name not in self._styles:
            self._add(name, family, self.doc.automaticstyles, properties(f"{width_cm:.2f}cm"))
        return self._styles[name]

    def save(self) -> bytes:
        return odt_bytes(self.doc)


def build_odt(report: Report) -> bytes:
    with in_meeting_language(report.meeting):  # the séance's language, whatever the reader's pages are in
        return _build_odt(report)


def _build_odt(report: Report) -> bytes:
    w = OdtWriter()
    _cover(w, report)
    _participants(w, report)
    for round_report in report.rounds:
        for view in round_report.matrices:
            _matrix(w, report, f"{round_report.title} · {view.title}", view)
        w.heading(round_report.title + " · " + _("Résultats par item"), page="Portrait")
        _item_table(w, round_report.items)
        if round_report.groups is not None:
            _groups(w, round_report)
    w.heading(_("Les consensus"))
    _item_table(w, report.consensus) if report.consensus else w.para(_("Aucun item n'a fait consensus."))
    _debate(w, report)
    _evolutions(w, report)
    _recordings(w, report)
    return w.save()


def _cover(w: OdtWriter, report: Report):
    meeting = report.meeting
    if meeting.territory:
        w.para(meeting.territory, "Titre2")
    w.para(meeting.title, "Titre")
    w.para(_("« %(question)s »") % {"question": meeting.question}, "Question")
    for label, value in cover_facts(report):
        w.para(_("%(label)s : %(value)s") % {"label": label, "value": value})


def cover_facts(report: Report) -> list[tuple[str, str]]:
    """Date, place, facilitator… as the cover of every document shows them."""
    meeting = report.meeting
    facts = [(_("Date"), fr_date(meeting.date, "l j F Y"))]
    facts += [(_("Lieu"), meeting.place)] if meeting.place else []
    anonymous = " " + _("(séance anonyme)") if meeting.is_anonymous else ""
    facts += [
        (_("Animation"), report.facilitator_name),
        (_("Participants"), str(len(report.participants)) + anonymous),
        (_("Items"), str(len(report.outcomes))),
        (_("Tours de vote"), str(len(report.rounds))),
    ]
    return facts


def _participants(w: OdtWriter, report: Report):
    w.heading(_("Les participants"))
    if report.meeting.is_anonymous:
        rows = [[p.label, p.category] for p in report.participants]
        w.table([_("Lettre"), _("Catégorie")], rows, [2, 15])
        w.para(_("Séance anonyme : chaque participant est désigné par une lettre."))
    else:
        keys = participant_keys(report)
        rows = [[keys[p.participant.pk], p.name, p.category] for p in report.participants]
        w.table([_("N°"), _("Nom"), _("Catégorie")], rows, [2, 9, 6])


def _matrix(w: OdtWriter, report: Report, title: str, view: MatrixView):
    """Participants by number (or letter) as column headers, so that the
    matrix fits a landscape page; the participants table gives the names."""
    w.heading(title, page="Paysage")
    columns = view.participants
    keys = participant_keys(report)
    header = [_("N°"), _("Item")] + [keys[p.participant.pk] for p in columns]
    header += [_("Moy."), _("Cons.")]
    cell_cm = min(0.7, (LANDSCAPE_TEXT_CM - 9.5) / max(len(columns), 1))
    rows = [
        [str(row.number), row.entry.text]
        + [scale.BY_CODE[code] if code else "·" for _, code in row.cells]
        + [signed(row.stats.mean), pct(row.stats.consensus)]
        for row in view.rows
    ]
    w.table(header, rows, [0.8, 6.2] + [cell_cm] * len(columns) + [1.25, 1.25], small=True)
    legend = [f"{lv.symbol} {level_label(lv)}" for lv in scale.LEVELS] + ["· " + _("pas de vote")]
    w.para(" · ".join(legend), "Petit")


def _item_table(w: OdtWriter, items):
    rows = [
        [
            str(o.number),
            o.text,
            counts_text(o.stats.counts),
            signed(o.stats.mean),
            pct(o.stats.consensus),
            o.verdict_label,
        ]
        for o in items
    ]
    header = [_("N°"), _("Item"), _("Répartition"), _("Moyenne"), _("Consensus"), _("Verdict")]
    w.table(header, rows, [1, 7, 3.4, 1.8, 1.8, 2.5])


def _groups(w: OdtWriter, round_report):
    """Like the PDF's « Groupes d'opinion »: the table, or why there are none."""
    groups = round_report.groups
    w.heading(round_report.title + " · " + _("Groupes d'opinion"))
    if not groups.groups:
        w.para(groups.reason or "")
        return
    rows = [[str(v) for v in row] for row in group_rows(groups)]
    w.table(group_header(), rows, [1.6, 1.4, 5.5, 8.5], small=True)
    for line in group_consensus_lines(groups):
        w.para(line)


def _debate(w: OdtWriter, report: Report):
    w.heading(_("Les dissensus et le débat"))
    if not report.debated:
        w.para(_("Aucun dissensus ni position minoritaire."))
    for d in report.debated:
        item = d.item
        w.heading(f"{item.number}. {item.text}", level=2)
        figures = _("moyenne %(mean)s · consensus %(consensus)s") % {
            "mean": signed(item.stats.mean),
            "consensus": pct(item.stats.consensus),
        }
        w.para(f"{d.kind} · {item.verdict_label} · {figures} · {counts_text(item.stats.counts)}")
        if d.invited:
            w.para(_("Invités à s'exprimer : %(names)s") % {"names": ", ".join(d.invited)})
        w.para(d.note or _("Pas de notes pour cet item (à compléter)."), "Note")
        if d.outcome:
            w.para(
                _("Après le tour %(n)s : %(verdict)s (« %(text)s »).")
                % {"n": d.outcome.round_number, "verdict": d.outcome.verdict_label, "text": d.outcome.text}
            )


def _evolutions(w: OdtWriter, report: Report):
    for evolution in report.evolutions:
        w.heading(
            _("L'évolution du tour %(before)s au tour %(after)s")
            % {"before": evolution.before.number, "after": evolution.after.number}
        )
        rows = [
            [
                str(i.number),
                i.text_after + ("\n" + _("(avant : « %(text)s »)") % {"text": i.text_before} if i.reworded else ""),
                f"{i.verdict_before_label}\n{pct(i.consensus_before)}",
                f"{i.verdict_after_label}\n{pct(i.consensus_after)}",
                "\n".join(f"{g.level_from.symbol} → {g.level_to.symbol} : {', '.join(g.labels)}" for g in i.move_groups)
                or _("aucun"),
            ]
            for i in evolution.items
        ]
        header = [_("N°"), _("Item"), _("Avant"), _("Après"), _("Changements de vote")]
        w.table(header, rows, [1, 6.5, 2.8, 2.8, 3.9])


def _recordings(w: OdtWriter, report: Report):
    w.heading(_("Les enregistrements"))
    if not report.recordings:
        w.para(_("Aucun enregistrement."))
        return
    rows = [
        [
            f"{r.number}. {r.text}" if r.number else _("Débat général"),
            r.duration,
            fr_date(timezone.localtime(r.created_at), "j F Y, H:i"),
        ]
        for r in report.recordings
    ]
    w.table([_("Item"), _("Durée"), _("Date")], rows, [10, 3, 4])
