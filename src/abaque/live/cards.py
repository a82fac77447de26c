"""Printed voting cards: one card per participant, 8 to an A4 page, to cut
out and hand round. Each card carries the participant's personal link as a
QR code, so a phone votes without typing a name; the séance's join code is
the way back in for whoever lost their card.

The link must be an address phones can open: the one the facilitator's
browser uses, unless it is the laptop's own `localhost`, in which case the
facilitator picks one of the laptop's addresses on the local network.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse

from abaque.documents.pdf import html_to_pdf
from abaque.meetings.language import in_meeting_language
from abaque.meetings.matrix import participant_labels
from abaque.meetings.models import Meeting
from abaque.network import local_addresses

from .address import LOOPBACK, qr_svg, split_host

CARDS_PER_PAGE = 8  # 2 columns × 4 rows on A4


@dataclass(frozen=True)
class Card:
    name: str  # empty in anonymous mode: the letter is all the card shows
    letter: str
    url: str
    qr: str  # inline SVG


def needs_lan_address(request) -> bool:
    """Phones cannot open the laptop's localhost."""
    return split_host(request.get_host())[0] in LOOPBACK


def address_choices(request) -> list[str]:
    """Base URLs a phone can reach: the laptop's local-network addresses with
    the port the facilitator uses."""
    port = split_host(request.get_host())[1]
    return [f"{request.scheme}://{address}{port}" for address in local_addresses()]


def base_url_for(request, chosen: str = "") -> str | None:
    """The base of the printed links, or None when the facilitator must
    choose one (on localhost) or chose one that is not offered."""
    if not needs_lan_address(request):
        return f"{request.scheme}://{request.get_host()}"
    return chosen if chosen in address_choices(request) else None


def cards_for(meeting: Meeting, base_url: str) -> list[Card]:
    participants = list(meeting.participants.all())
    letters = participant_labels(meeting, participants) if meeting.shows_letters else [""] * len(participants)
    cards = []
    for participant, letter in zip(participants, letters):
        url = base_url + reverse("live:ballot", args=[participant.token])
        name = "" if meeting.is_anonymous else participant.name
        cards.append(Card(name=name, letter=letter, url=url, qr=qr_svg(url)))
    return cards


def pages_of(cards: list[Card]) -> list[list[Card]]:
    return [cards[i : i + CARDS_PER_PAGE] for i in range(0, len(cards), CARDS_PER_PAGE)]


def cards_pdf(meeting: Meeting, base_url: str) -> bytes:
    """In the séance's language: the participants read the cards."""
    with in_meeting_language(meeting):
        html = render_to_string(
            "live/cards.html",
            {
                "meeting": meeting,
                "pages": pages_of(cards_for(meeting, base_url)),
                "join_url": base_url + reverse("live:join"),
            },
        )
    return html_to_pdf(html)  # self-contained: nothing to fetch
