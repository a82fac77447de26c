"""One person's data, as a JSON download: what Abaque stores about a
participant of a séance (the right of access; erasure is deleting her)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from abaque.meetings.access import get_meeting, get_participant

from ..models import Delivery


def personal_data(participant):
    meeting = participant.meeting
    votes = (
        []
        if meeting.is_anonymous
        else [
            {
                "tour": vote.round.number,
                "item": vote.item.text,
                "vote": vote.code,
                "modifié le": vote.updated_at.isoformat() if vote.updated_at else None,
            }
            for vote in participant.votes.select_related("round", "item").order_by("round__number", "item__position")
        ]
    )
    deliveries = Delivery.objects.filter(participant=participant).select_related("mailing")
    return {
        "séance": {"titre": meeting.title, "date": meeting.date.isoformat()},
        "nom": participant.name,
        "e-mail": participant.email,
        "catégorie": participant.category,
        "lié à un téléphone le": participant.claimed_at.isoformat() if participant.claimed_at else None,
        "votes": votes,
        "items proposés": [item.text for item in meeting.items.filter(author=participant)],
        "envois": [
            {
                "objet": d.mailing.subject,
                "adresse": d.email,
                "état": d.get_status_display(),
                "envoyé le": d.sent_at.isoformat() if d.sent_at else None,
            }
            for d in deliveries
        ],
    }


@require_GET
def participant_data(request, meeting_id, participant_id):
    participant = get_participant(get_meeting(request, meeting_id, for_change=True), participant_id)
    response = JsonResponse(personal_data(participant), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="donnees-participant-{participant.pk}.json"'
    return response
