"""Item numbers: an item keeps one number for the whole séance, in every
round, the debate, the projector, the grid and every export."""

from .models import Meeting, RoundItem


def item_numbers(meeting: Meeting) -> dict[int, int]:
    """Item id → its number: the first round's order, then the items that
    only later rounds voted on, then the items no round holds yet.

    A first round still being prepared holds the active items in their
    order, so the numbers seen while typing are the ones of the vote."""
    numbers: dict[int, int] = {}
    ids = list(
        RoundItem.objects.filter(round__meeting=meeting)
        .order_by("round__number", "item__position", "item__pk")
        .values_list("item_id", flat=True)
    )
    ids += list(meeting.active_items().values_list("pk", flat=True))
    for item_id in ids:
        numbers.setdefault(item_id, len(numbers) + 1)
    return numbers


def numbered(meeting: Meeting, entries: list[RoundItem]) -> list[RoundItem]:
    """The round's entries, each given its séance-wide `number` for templates."""
    numbers = item_numbers(meeting)
    for entry in entries:
        entry.number = numbers.get(entry.item_id)  # type: ignore[attr-defined]
    return entries
