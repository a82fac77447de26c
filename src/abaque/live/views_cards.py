"""« Imprimer les cartes de vote »: the PDF of a séance's voting cards."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from abaque.meetings.access import get_meeting

from . import cards


def voting_cards(request, meeting_id):
    """The PDF, or first the choice of the address printed on the cards
    when the facilitator browses on localhost."""
    meeting = get_meeting(request, meeting_id, for_change=True)
    chosen = request.GET.get("adresse", "")
    base_url = cards.base_url_for(request, chosen)
    if base_url is None or not meeting.participants.exists():
        context = {
            "meeting": meeting,
            "choices": cards.address_choices(request),
            "chosen": chosen,
            "has_participants": meeting.participants.exists(),
        }
        status = 400 if chosen else 200  # an address that is not offered
        return render(request, "live/cards_address.html", context, status=status)
    response = HttpResponse(cards.cards_pdf(meeting, base_url), content_type="application/pdf")
    filename = f"cartes-de-vote-{slugify(meeting.title) or meeting.pk}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
