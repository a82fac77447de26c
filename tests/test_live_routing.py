"""The WebSocket paths are written once, in live/routing.py: pages get them
from its functions, scripts from a data attribute."""

import re
from pathlib import Path

import abaque
from abaque.live.routing import meeting_socket, phone_socket

SOCKET_PATH = re.compile(r"ws/(seances|b)/")


def test_the_socket_paths_come_from_the_routes():
    assert meeting_socket(42) == "/ws/seances/42/"
    assert phone_socket("Ab-3_x") == "/ws/b/Ab-3_x/"


def test_every_live_page_carries_the_path_of_its_socket(client_in, meeting):
    anne = meeting.participants.first()
    pages = {
        f"/seances/{meeting.pk}/direct/": meeting_socket(meeting.pk),
        f"/seances/{meeting.pk}/": meeting_socket(meeting.pk),
        f"/seances/{meeting.pk}/projecteur/": meeting_socket(meeting.pk),
        f"/seances/{meeting.pk}/tours/1/grille/": meeting_socket(meeting.pk),
        f"/b/{anne.token}/": phone_socket(anne.token),
    }
    for url, socket in pages.items():
        response = client_in.get(url)
        assert response.status_code == 200, url
        assert f'data-socket="{socket}"' in response.content.decode(), url


def test_no_template_or_script_writes_a_socket_path():
    root = Path(abaque.__file__).parent
    writers = [
        str(path.relative_to(root))
        for pattern in ("*.html", "*.js")
        for path in root.rglob(pattern)
        if SOCKET_PATH.search(path.read_text(encoding="utf-8"))
    ]
    assert writers == []
