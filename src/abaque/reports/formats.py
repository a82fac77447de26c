"""The formats of the compte-rendu: one builder, file extension and media
type each, shared by the download views, the e-mail and the command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from .content import Report, build_report
from .odt import build_odt
from .pdf import build_pdf
from .raw import build_csv, build_json
from .xlsx import build_xlsx


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    media_type: str
    build: Callable[[Report], bytes]


FORMATS: dict[str, Format] = {
    f.key: f
    for f in (
        Format("pdf", "PDF à imprimer", "application/pdf", build_pdf),
        Format("odt", "Document modifiable (ODT)", "application/vnd.oasis.opendocument.text", build_odt),
        Format(
            "xlsx", "Tableur (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", build_xlsx
        ),
        Format("csv", "Votes bruts (CSV)", "text/csv; charset=utf-8", build_csv),
        Format("json", "Données complètes (JSON)", "application/json", build_json),
    )
}


FILENAME_TITLE_CHARS = 50


def filename(meeting, key: str) -> str:
    """compte-rendu-2026-03-12-regards-croises.pdf: the title cut at a word."""
    title = slugify(meeting.title)
    if len(title) > FILENAME_TITLE_CHARS:
        title = title[: FILENAME_TITLE_CHARS + 1].rsplit("-", 1)[0]
    return f"compte-rendu-{meeting.date:%Y-%m-%d}-{title or meeting.pk}.{key}"


def render(meeting, key: str, report: Report | None = None, origin: str | None = None) -> bytes:
    """The document in format `key`; pass `report` to build several from one.
    `origin`: only the room's or only the online participants."""
    return FORMATS[key].build(report or build_report(meeting, origin))
