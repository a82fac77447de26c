"""What the live screens show of a vote in progress: who has finished,
never what they voted."""

from django.db.models import Count

from abaque.meetings.matrix import labels_for
from abaque.meetings.models import Meeting, RoundItem, Vote


def round_counts(round_) -> tuple[int, set[int]]:
    """Votes stored in the round (on its current items), and the ids of the
    participants who voted on every one of them."""
    item_ids = RoundItem.objects.filter(round=round_).values("item_id")
    n_items = RoundItem.objects.filter(round=round_).count()
    per_participant = dict(
        Vote.objects.filter(round=round_, item_id__in=item_ids).values_list("participant_id").annotate(n=Count("id"))
    )
    done = {pk for pk, n in per_participant.items() if n_items and n >= n_items}
    return sum(per_participant.values()), done


def round_progress(meeting: Meeting) -> dict:
    """The projector's progress message (a contract with the benchmark):
    votes stored in the current round, participants who voted on every item
    of it, and their labels (none in anonymous mode)."""
    round_ = meeting.current_round()
    # Plain rows, not model instances: this runs several times a second
    # during a vote, for rooms of up to a thousand phones.
    participants = list(meeting.participants.values_list("pk", "name"))
    message = {
        "kind": "progress",
        "round": None,
        "votes": 0,
        "finished": 0,
        "participants": len(participants),
        "names": [],
    }
    if round_ is None:
        return message
    votes, done = round_counts(round_)
    message.update(round=round_.number, votes=votes, finished=len(done))
    if not meeting.is_anonymous:
        labels = labels_for(meeting, [name for _, name in participants])
        message["names"] = [label for (pk, _), label in zip(participants, labels) if pk in done]
    return message


def phone_state(participant) -> dict:
    """What one phone may know: the current round, its items, and this
    participant's own votes, nobody else's."""
    round_ = participant.meeting.current_round()
    if round_ is None:
        return {
            "round": None,
            "status": "preparing",
            "revealed": False,
            "items": [],
            "votes": {},
            "changed_by_facilitator": [],
        }
    items = [{"id": ri.item_id, "text": ri.text} for ri in round_.round_items.all()]
    votes = list(Vote.objects.filter(round=round_, participant=participant).values_list("item_id", "code", "source"))
    return {
        "round": round_.number,
        "status": round_.status,
        # The results are on the projector: the phone says « Regardez l'écran ».
        "revealed": round_.is_closed and participant.meeting.results_revealed,
        "items": items,
        "votes": {str(item_id): code for item_id, code, _ in votes},
        # Votes the facilitator typed in the grid: the phone says so.
        "changed_by_facilitator": [item_id for item_id, _, source in votes if source == Vote.Source.GRID],
    }
