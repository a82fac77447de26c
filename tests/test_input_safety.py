"""No input can hurt the server: bounded imports, exports with no live
formula, and control characters that break no document."""

import csv
import io
import subprocess
import sys
import textwrap
from html import unescape

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from abaque.meetings.importing import MAX_IMPORT_ROWS, file_to_text
from abaque.meetings.models import Item, Participant
from abaque.reports.content import build_report
from abaque.reports.formats import render
from abaque.safe_cells import clean_text, spreadsheet_cell
from tests.reports.test_data import voted_meeting

FORMULA = '=HYPERLINK("http://x","y")'


def xlsx_bytes(cells: dict) -> bytes:
    book = Workbook()
    for address, value in cells.items():
        book.active[address] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_tiny_xlsx_with_a_cell_at_xfd1048576_imports_under_a_memory_bound(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(xlsx_bytes({"A1": "Anne Martin", "XFD1048576": "x"}))
    # A child process capped at 1 GiB of address space and 60 s of CPU time.
    script = textwrap.dedent(f"""
        import resource, django, os
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abaque.settings")
        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile
        from abaque.meetings.importing import file_to_text
        upload = SimpleUploadedFile("bomb.xlsx", open({str(path)!r}, "rb").read())
        try:
            print(file_to_text(upload)[:20])
        except ValueError as error:
            print(error)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert "Anne Martin" in done.stdout or "trop" in done.stdout


def test_an_xlsx_with_too_many_rows_is_refused_in_french():
    cells = {f"A{n}": f"Nom {n}" for n in range(1, MAX_IMPORT_ROWS + 3)}
    upload = SimpleUploadedFile("long.xlsx", xlsx_bytes(cells))
    try:
        file_to_text(upload)
    except ValueError as error:
        assert "trop de lignes" in str(error)
    else:
        raise AssertionError("a file over the row limit was accepted")


def test_a_one_column_csv_imports_as_names():
    text = file_to_text(SimpleUploadedFile("noms.csv", b"Anne Martin\nBruno Petit\nClaire Roux\n"))
    assert text.splitlines() == ["Anne Martin", "Bruno Petit", "Claire Roux"]


def test_a_utf16_csv_is_decoded():
    text = file_to_text(SimpleUploadedFile("noms.csv", "Élodie Carré;élue\nMarc Noël;habitant\n".encode("utf-16")))
    assert text.splitlines()[0] == "Élodie Carré\télue"


def test_a_csv_cell_over_the_field_size_limit_gets_a_french_message(client_in, meeting):
    upload = SimpleUploadedFile("long.csv", ('"' + "a" * 200_000 + '"\n').encode())
    response = client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"file": upload})
    assert response.status_code == 200
    assert "ne peut pas être lu" in unescape(response.content.decode())


def test_control_characters_are_removed_from_imported_names():
    text = file_to_text(SimpleUploadedFile("noms.csv", b"Anne\x01 Mar\x00tin\n"))
    assert text == "Anne Martin"


def test_a_text_cell_that_looks_like_a_formula_is_quoted_and_numbers_stay_numbers():
    assert spreadsheet_cell(FORMULA) == "'" + FORMULA
    assert spreadsheet_cell("-1 pour tout") == "'-1 pour tout"
    assert spreadsheet_cell(-0.12) == -0.12
    assert clean_text("a\x01b\x00c\td\ne") == "abc\td\ne"


def test_the_seance_exports_hold_no_live_formula_and_no_control_character(facilitator):
    meeting = voted_meeting(facilitator)
    Item.objects.filter(pk=meeting.items.first().pk).update(text=FORMULA + "\x01")
    Participant.objects.filter(pk=meeting.participants.first().pk).update(name="@SUM(A1)\x02")
    from abaque.meetings.models import RoundItem

    RoundItem.objects.filter(item=meeting.items.first()).update(text=FORMULA + "\x01")
    report = build_report(meeting)
    book = load_workbook(io.BytesIO(render(meeting, "xlsx", report)))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                texts.append(cell.value)
    assert "'" + FORMULA in texts
    rows = list(csv.reader(io.StringIO(render(meeting, "csv", report).decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULA in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_control_characters_typed_in_a_form_are_removed(client_in, meeting):
    client_in.post(
        f"/seances/{meeting.pk}/participants/", {"name": "Gil\x01les Mar\x00chand", "category": "elu", "email": ""}
    )
    assert meeting.participants.filter(name="Gilles Marchand").exists()


def test_a_phone_vote_with_infinity_or_a_deep_array_is_refused_not_crashed():
    import pytest

    from abaque.live.fast_vote import parse

    for body in (
        b'{"round": Infinity, "item": 1, "code": "G"}',
        b'{"round": 1e400, "item": 1}',
        b"[" * 2000 + b"]" * 2000,
    ):
        with pytest.raises(ValueError, match="illisible"):
            parse("t", body)


def test_a_25_digit_item_id_in_the_new_round_form_is_refused_in_french(client_in, meeting):
    response = client_in.post(f"/seances/{meeting.pk}/debat/nouveau-tour/", {"items": ["9" * 25]})
    assert response.status_code == 400


def test_the_odt_and_pdf_of_a_seance_with_control_characters_stored_render(facilitator):
    """Data stored before input was cleaned still makes valid documents."""
    import zipfile
    from xml.dom import minidom

    meeting = voted_meeting(facilitator)
    Item.objects.filter(pk=meeting.items.first().pk).update(text="Un café\x01 associatif")
    Participant.objects.filter(pk=meeting.participants.first().pk).update(name="Anne\x02 Leroy")
    report = build_report(meeting)
    odt = render(meeting, "odt", report)
    content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml")
    minidom.parseString(content)  # raises on a character XML cannot hold
    assert "Anne Leroy" in content.decode()
    assert render(meeting, "pdf", report).startswith(b"%PDF")
