"""Relaunch: the next year's plan issued from this year's evaluation
(booklet point 10). Finished and abandoned actions stay for memory; the
others are carried over, continued or improved; new ones are added later."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Action, CriterionValue, Cycle

# Fields an action keeps from one year to the next; the evaluation is not
# copied: it belongs to the year it judged.
CARRIED_FIELDS = (
    "axis_id",
    "item_id",
    "title",
    "description",
    "priority",
    "lead",
    "lead_kind",
    "partners",
    "funders",
    "budget",
    "schedule",
    "enriches_park_action",
    "objectives",
)


class RelaunchRefused(Exception):
    """Shown to the facilitator as is."""


def carried_status(action: Action) -> str:
    """An improved action stays « améliorée » next year; any other open one
    (evaluated « à poursuivre » or never evaluated) is continued."""
    return Action.Status.IMPROVED if action.status == Action.Status.IMPROVED else Action.Status.CONTINUED


@transaction.atomic
def relaunch(cycle: Cycle) -> Cycle:
    """Create (or fill an empty) next cycle from this one's retained actions."""
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.relaunched_at is not None:
        raise RelaunchRefused(
            _(
                "Le plan d'action %(next)s a déjà été créé à partir de %(year)s : "
                "la relance ne se fait qu'une fois par an."
            )
            % {"next": cycle.year + 1, "year": cycle.year}
        )
    following, _created = Cycle.objects.get_or_create(process=cycle.process, year=cycle.year + 1)
    if following.actions.exists():
        raise RelaunchRefused(
            _("Le plan d'action %(year)s contient déjà des actions : la relance ne peut plus le créer.")
            % {"year": following.year}
        )
    for action in cycle.plan().exclude(status__in=Action.ENDED):
        _carry(action, following)
    cycle.relaunched_at = timezone.now()
    cycle.save(update_fields=["relaunched_at"])
    return following


def _carry(action: Action, following: Cycle) -> Action:
    copy = Action(cycle=following, previous=action, retained=True, status=carried_status(action))
    for field in CARRIED_FIELDS:
        setattr(copy, field, getattr(action, field))
    copy.save()
    CriterionValue.objects.bulk_create(
        [CriterionValue(action=copy, criterion_id=v.criterion_id, text=v.text) for v in action.criterion_values.all()]
    )
    return copy
