"""Vote rounds: which items each round votes on, and opening and closing."""

from django.db import transaction
from django.utils import timezone

from .models import Item, Round, RoundItem


def sync_open_round(meeting):
    """Keep the items of a first round that is not closed in step with the
    meeting's items, as the facilitator types, edits and deletes them."""
    round_ = meeting.ensure_first_round()
    if round_.number != 1 or round_.is_closed:
        return round_
    items = {item.pk: item for item in meeting.active_items()}
    existing = {ri.item_id: ri for ri in round_.round_items.all()}
    for pk, entry in existing.items():
        if pk not in items:
            entry.delete()
        elif entry.text != items[pk].text:
            entry.text = items[pk].text
            entry.save(update_fields=["text"])
    RoundItem.objects.bulk_create(
        [RoundItem(round=round_, item=item, text=item.text) for pk, item in items.items() if pk not in existing]
    )
    return round_


def open_round(round_):
    if round_.number == 1:
        sync_open_round(round_.meeting)
    if round_.is_closed:  # a trace: its results may have been seen
        round_.reopen_count += 1
        round_.reopened_at = timezone.now()
    round_.status = Round.Status.OPEN
    round_.opened_at = round_.opened_at or timezone.now()
    round_.closed_at = None
    round_.save(update_fields=["status", "opened_at", "closed_at", "reopen_count", "reopened_at"])
    meeting = round_.meeting
    meeting.phase = meeting.Phase.VOTE
    meeting.results_revealed = False
    meeting.save(update_fields=["phase", "results_revealed", "updated_at"])


def close_round(round_):
    round_.status = Round.Status.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["status", "closed_at"])
    meeting = round_.meeting
    meeting.phase = meeting.Phase.RESULTS
    meeting.save(update_fields=["phase", "updated_at"])


@transaction.atomic
def new_round(meeting, items: list[Item]) -> Round:
    """A further round on chosen items, with their current wording."""
    last = meeting.current_round()
    if last and not last.is_closed:
        close_round(last)
    round_ = Round.objects.create(meeting=meeting, number=(last.number + 1) if last else 1)
    RoundItem.objects.bulk_create([RoundItem(round=round_, item=i, text=i.text) for i in items])
    return round_
