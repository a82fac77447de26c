"""Rewording an item after a misunderstanding in the debate."""

from django.db import transaction

from abaque.meetings.models import ItemRevision, Round, RoundItem
from abaque.meetings.rounds import sync_open_round


@transaction.atomic
def reword(item, text: str, reason: str = "") -> ItemRevision:
    """Keep the old wording as a revision and give the item the new one.
    Votes stay with the wording they were given to: closed and open rounds
    keep their RoundItem text; only rounds still in preparation follow."""
    revision = ItemRevision.objects.create(item=item, text=item.text, reason=reason)
    item.text = text
    item.save(update_fields=["text"])
    sync_open_round(item.meeting)
    RoundItem.objects.filter(item=item, round__status=Round.Status.PREPARING).update(text=text)
    return revision
