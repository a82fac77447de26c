from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _


@transaction.atomic
def move(obj, siblings, direction: str, field: str = "position") -> None:
    """Move obj one place up or down among its siblings, renumbering them all
    so that positions stay dense whatever happened before. An object that is
    not among them (deleted meanwhile) is a 404: a StopIteration escaping
    here would never answer under ASGI."""
    ordered = list(siblings)
    index = next((i for i, o in enumerate(ordered) if o.pk == obj.pk), None)
    if index is None:
        raise Http404(_("Cet élément a été supprimé entre-temps : rechargez la page."))
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for rank, sibling in enumerate(ordered, start=1):
        if getattr(sibling, field) != rank:
            setattr(sibling, field, rank)
            sibling.save(update_fields=[field])
