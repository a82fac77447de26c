"""The formats of the compte-rendu: one builder, file extension and media
type each, shared by the download views, the e-mail and the command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from abaque.meetings.language import in_meeting_language

from .content import Report, build_report
from .odt import build_odt
from .pdf import build_pdf
from .raw import build_csv, build_json
from .xlsx import build_xlsx


@dataclass(frozen=True)
class Format:
    key: str
    label: str | Promise  # in the facilitator's language, on the report page
    media_type: str
    build: Callable[[Report], bytes]


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("pdf", _("PDF à imprimer"), "application/pdf", build_pdf),
        Format("odt", _("Document modifiable (ODT)"), "application/vnd.oasis.opendocument.text", build_odt),
        Format(
            "xlsx",
            _("Tableur (XLSX)"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            build_xlsx,
        ),
        Format("csv", _("Votes bruts (CSV)"), "text/csv; charset=utf-8", build_csv),
        Format("json", _("Données complètes (JSON)"), "application/json", build_json),
    )
}


FILENAME_TITLE_CHARS = 50


def filename(meeting, key: str) -> str:
    """compte-rendu-2026-03-12-regards-croises.pdf: the title cut at a word;
    report-2026-… for an English séance (its participants receive it)."""
    title = slugify(meeting.title)
    if len(title) > FILENAME_TITLE_CHARS:
        title = title[: FILENAME_TITLE_CHARS + 1].rsplit("-", 1)[0]
    with in_meeting_language(meeting):
        prefix = pgettext("file name", "compte-rendu")
    return f"{prefix}-{meeting.date:%Y-%m-%d}-{title or meeting.pk}.{key}"


def render(meeting, key: str, report: Report | None = None, origin: str | None = None) -> bytes:
    """The document in format `key`; pass `report` to build several from one.
    `origin`: only the room's or only the online participants."""
    return FORMATS[key].build(report or build_report(meeting, origin))
