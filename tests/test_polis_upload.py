"""A Pol.is export uploaded from the web becomes a séance.

Data: two real Pol.is conversations in /work/shared/data/polis/ (copied from
compdemocracy/openData). Data was gathered using the Polis software
(compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with
Attribution to The Computational Democracy Project. The data and more
information about how the data was collected can be found at the following
link(s): https://compdemocracy.org/case-studies/2022-london-youth-policing
and https://github.com/compdemocracy/openData (bg2050-volunteers)
"""

import io
import zipfile
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from abaque.meetings import polis_upload
from abaque.meetings.models import Meeting, Round, Vote

POLIS = Path("/work/shared/data/polis")
LONDON = POLIS / "london.youth.policing"
pytestmark = pytest.mark.skipif(not POLIS.is_dir(), reason="Pol.is open data not on this machine")
URL = "/seances/importer-polis/"


def zipped(folder: Path, prefix: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def polis_cells(folder: Path) -> tuple[int, int, int]:
    """Statements, participants and votes cast, read from the export itself."""
    import csv

    with open(folder / "participants-votes.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    first = header.index("n-disagree") + 1
    votes = sum(1 for row in rows[1:] for cell in row[first:] if cell.strip())
    return len(header) - first, len(rows) - 1, votes


def test_a_zipped_export_becomes_a_seance_with_its_summary_and_a_closed_round(client_in):
    response = client_in.post(URL, {"archive": upload("london.youth.policing.zip", zipped(LONDON, "export/"))})
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/seances/{meeting.pk}/resultats/"
    n_items, n_people, n_votes = polis_cells(LONDON)
    assert meeting.title == "london.youth.policing" and meeting.scale_variant == "three"
    assert meeting.items.count() == n_items and meeting.participants.count() == n_people
    assert Vote.objects.filter(round__meeting=meeting).count() == n_votes
    assert meeting.rounds.get().status == Round.Status.CLOSED
    page = unescape(client_in.get(response["Location"]).content.decode())
    assert f"Importé de Pol.is : {n_items} propositions, {n_people} participants, {n_votes} votes" in page
    assert "Groupes d'opinion" in page


def test_the_two_csv_files_import_with_the_statement_texts(client_in):
    with open(LONDON / "participants-votes.csv", "rb") as votes, open(LONDON / "comments.csv", "rb") as comments:
        response = client_in.post(
            URL,
            {
                "title": "Police et jeunesse",
                "votes": upload("participants-votes.csv", votes.read()),
                "comments": upload("comments.csv", comments.read()),
            },
        )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Police et jeunesse")
    import csv

    with open(LONDON / "comments.csv", encoding="utf-8") as f:
        texts = {row["comment-body"][:300] for row in csv.DictReader(f)}
    assert set(meeting.items.values_list("text", flat=True)) <= texts


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"archive": upload("x.zip", b"not a zip at all")},
        {"votes": upload("participants-votes.csv", b"name,age\nAnne,3\n")},
        {"votes": upload("participants-votes.csv", b"participant,1\n0,2\n")},
        {"votes": upload("participants-votes.csv", b"\xff\xfe\x00garbage")},
        {"votes": upload("participants-votes.csv", b"participant,group-id,1\n0,,1\n1,,\x00\n")},
        {"archive": upload("x.zip", zipped(LONDON)), "votes": upload("participants-votes.csv", b"participant\n")},
    ],
)
def test_a_bad_file_gets_a_french_message_and_no_seance(client_in, fields):
    response = client_in.post(URL, fields)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_zip_without_the_votes_file_is_refused_clearly(client_in):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    page = unescape(client_in.post(URL, {"archive": upload("x.zip", buffer.getvalue())}).content.decode())
    assert "ne contient pas de fichier participants-votes.csv" in page


def test_a_zip_bomb_is_refused_before_it_is_extracted(client_in, monkeypatch):
    monkeypatch.setattr(polis_upload, "MAX_POLIS_FILE_BYTES", 1024 * 1024)
    monkeypatch.setattr(polis_upload, "MAX_POLIS_UNCOMPRESSED_BYTES", 2 * 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("participants-votes.csv", b"participant,1\n" + b"0," * (50 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024  # small as sent, 100 MB once extracted
    read = []
    original = polis_upload._bounded
    monkeypatch.setattr(polis_upload, "_bounded", lambda *a: read.append(a) or original(*a))
    page = unescape(client_in.post(URL, {"archive": upload("bomb.zip", buffer.getvalue())}).content.decode())
    assert "trop gros" in page and not read and not Meeting.objects.exists()


def test_a_member_larger_than_it_declares_is_not_read_past_its_bound(monkeypatch):
    monkeypatch.setattr(polis_upload, "MAX_POLIS_FILE_BYTES", 1000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("participants-votes.csv", b"participant,1\n" + b"0,1\n" * 10_000)
    data = bytearray(buffer.getvalue())
    # Lie in both headers: declare 10 bytes uncompressed.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.infolist()[0]
    archive_bytes = bytes(data)
    real = info.file_size.to_bytes(4, "little")
    archive_bytes = archive_bytes.replace(real, (10).to_bytes(4, "little"))
    with pytest.raises(polis_upload.MatrixFileError):
        polis_upload.from_zip(upload("lie.zip", archive_bytes))


def test_the_upload_checks_csrf(csrf_client):
    response = csrf_client.post(URL, {"archive": upload("x.zip", zipped(LONDON))})
    assert response.status_code == 403 and not Meeting.objects.exists()


def test_the_list_of_seances_offers_the_pol_is_import(client_in):
    assert URL in client_in.get("/seances/").content.decode()
