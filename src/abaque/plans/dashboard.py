"""The snowball dashboard: per year, what the démarche sets in motion
(booklet point 10: « une accélération progressive … effet boule de neige »)."""

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from abaque.meetings.models import Participant

from . import charts
from .compare import normalise
from .models import Action, CycleMeeting

STATUS_COLOURS = {
    Action.Status.NEW: "#1f5fa8",
    Action.Status.CONTINUED: "#5b9bd5",
    Action.Status.IMPROVED: "#2e8b57",
    Action.Status.FINISHED: "#7a7f87",
    Action.Status.ABANDONED: "#c9cdd2",
}
ACTOR_KINDS = (Action.LeadKind.ACTOR, Action.LeadKind.INHABITANTS)
COMMUNE_KINDS = (Action.LeadKind.COMMUNE, Action.LeadKind.INTERCOMMUNALITY)
PARK_KINDS = (Action.LeadKind.PARK, Action.LeadKind.COMMITTEE)


@dataclass
class YearFigures:
    year: int
    by_status: dict[str, int] = field(default_factory=dict)
    actions: int = 0
    carried_by_others: int = 0  # actions whose lead is not the park: the « effet d'entraînement »
    actors: int = 0
    communes: int = 0
    partners: int = 0
    participants: int = 0
    funds: Decimal = Decimal(0)


def _distinct(names) -> int:
    return len({normalise(n) for n in names if n.strip()})


def year_figures(cycle) -> YearFigures:
    plan = list(cycle.plan())
    figures = YearFigures(cycle.year, by_status={s: 0 for s in Action.Status.values})
    for action in plan:
        figures.by_status[action.status] += 1
    figures.actions = len(plan)
    figures.carried_by_others = sum(a.lead_kind not in PARK_KINDS for a in plan)
    figures.actors = _distinct(a.lead for a in plan if a.lead_kind in ACTOR_KINDS)
    figures.communes = _distinct(a.lead for a in plan if a.lead_kind in COMMUNE_KINDS)
    partner_names = [n for a in plan for n in a.partner_names()]
    partner_names += [a.lead for a in plan if a.lead_kind == Action.LeadKind.PARTNER]
    figures.partners = _distinct(partner_names)
    # People the dialogue reached: the committee's own votes on actions are not counted.
    names = Participant.objects.filter(
        meeting__cycle_link__cycle=cycle, meeting__cycle_link__purpose=CycleMeeting.Purpose.DIALOGUE
    ).values_list("name", flat=True)
    figures.participants = _distinct(names)
    figures.funds = sum((a.budget or Decimal(0) for a in plan), Decimal(0))
    return figures


def process_figures(process) -> list[YearFigures]:
    return [year_figures(c) for c in process.cycles.order_by("year")]


# (attribute, chart title, noun for the sentence)
METRICS = (
    ("actions", gettext_lazy("Actions du plan"), gettext_lazy("actions dans le plan")),
    (
        "carried_by_others",
        gettext_lazy("Actions portées par d'autres que le Parc"),
        gettext_lazy("actions portées par des partenaires"),
    ),
    ("actors", gettext_lazy("Acteurs et habitants porteurs"), gettext_lazy("acteurs et habitants porteurs d'actions")),
    (
        "communes",
        gettext_lazy("Communes et intercommunalités porteuses"),
        gettext_lazy("communes et intercommunalités porteuses"),
    ),
    ("partners", gettext_lazy("Partenaires engagés"), gettext_lazy("partenaires engagés")),
    ("participants", gettext_lazy("Participants aux séances"), gettext_lazy("participants aux séances")),
    ("funds", gettext_lazy("Fonds mobilisés (€)"), gettext_lazy("fonds mobilisés")),
)


def _of(noun: str) -> str:
    """« d'actions », « de communes »: French elides before a vowel or a mute h;
    the English catalogue says the noun alone."""
    if unicodedata.normalize("NFD", noun[:1].lower())[:1] in tuple("aeiouyh"):
        return pgettext("a noun after « de », elided", "d'%(noun)s") % {"noun": noun}
    return pgettext("a noun after « de »", "de %(noun)s") % {"noun": noun}


def trend_sentence(noun: str, first: YearFigures, last: YearFigures, attribute: str) -> str | None:
    """« +40 % d'actions portées par des partenaires entre 2024 et 2026 »."""
    before, after = getattr(first, attribute), getattr(last, attribute)
    noun = str(noun)
    if first.year == last.year or (not before and not after):
        return None
    years = {"first": first.year, "last": last.year}
    if not before:
        return _("De 0 à %(n)s %(noun)s entre %(first)s et %(last)s") % {
            "n": charts.fmt(after, get_language() or "fr"),
            "noun": noun,
            **years,
        }
    change = round((after - before) * 100 / before)
    if change == 0:
        return _("Autant %(of_noun)s en %(last)s qu'en %(first)s") % {"of_noun": _of(noun), **years}
    return _("%(change)s %% %(of_noun)s entre %(first)s et %(last)s") % {
        "change": f"{'+' if change > 0 else '−'}{abs(change)}",
        "of_noun": _of(noun),
        **years,
    }


def dashboard(process) -> dict:
    years = process_figures(process)
    labels = [str(y.year) for y in years]
    status_series = [
        (str(label), STATUS_COLOURS[value], [y.by_status[value] for y in years])
        for value, label in Action.Status.choices
    ]
    by_status = _("Actions du plan, par statut")
    language = get_language() or "fr"
    charts_ = [(by_status, charts.stacked_chart(by_status, labels, status_series, language))]
    charts_ += [
        (str(title), charts.bar_chart(str(title), labels, [float(getattr(y, attr)) for y in years], language))
        for attr, title, _noun in METRICS[1:]
    ]
    sentences = []
    if len(years) >= 2:
        sentences = [s for attr, _t, noun in METRICS if (s := trend_sentence(noun, years[0], years[-1], attr))]
    return {"years": years, "charts": charts_, "sentences": sentences, "accelerating": _accelerating(years)}


def _accelerating(years) -> bool | None:
    """Does every year have more actions carried by others than the one before?"""
    if len(years) < 2:
        return None
    values = [y.carried_by_others for y in years]
    return all(b > a for a, b in zip(values, values[1:]))
