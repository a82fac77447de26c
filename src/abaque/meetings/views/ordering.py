from django.db import transaction


@transaction.atomic
def move(obj, siblings, direction: str) -> None:
    """Move obj one place up or down among its siblings, renumbering them all
    so that positions stay dense whatever happened before."""
    ordered = list(siblings)
    index = next(i for i, o in enumerate(ordered) if o.pk == obj.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, sibling in enumerate(ordered, start=1):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
