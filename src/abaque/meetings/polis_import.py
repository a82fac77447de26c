"""A Pol.is export becomes a séance on the three-opinion scale.

Statements → items (text; the Pol.is author id names the author when that
participant voted), participants named « Pol.is n », 1 → G, -1 → R,
0 → W, empty → not voted. Votes go through `vote_batch.store`, so they are
in the vote log like any other.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque.analysis.polis import PolisExport

from .models import Item, Meeting, Participant, Vote
from .rounds import close_round, open_round, sync_open_round
from .vote_batch import store

ATTRIBUTION = gettext_lazy(
    "Données recueillies avec le logiciel Polis (compdemocracy.org/polis), sous licence CC BY 4.0, "
    "attribution : The Computational Democracy Project."
)


def participant_name(polis_id: str) -> str:
    return f"Pol.is {polis_id}"


@transaction.atomic
def import_polis(export: PolisExport, facilitator, title: str, structure=None) -> tuple[Meeting, str]:
    """The new séance and a French sentence saying what was imported.
    `structure`: where it goes (by default, its creator's own)."""
    meeting = Meeting.objects.create(
        facilitator=facilitator,
        structure=structure,
        title=title[:200],
        question=_("Conversation Pol.is importée « %(title)s ». %(attribution)s")
        % {"title": title, "attribution": ATTRIBUTION},
        scale_variant="three",
    )
    people = Participant.objects.bulk_create(
        Participant(meeting=meeting, name=participant_name(pid), position=j + 1)
        for j, pid in enumerate(export.participants)
    )
    by_polis_id = dict(zip(export.participants, people))
    items = Item.objects.bulk_create(
        Item(meeting=meeting, text=text[:300], position=i + 1, author=by_polis_id.get(author), validated=True)
        for i, (text, author) in enumerate(zip(export.texts, export.authors))
    )
    round_ = sync_open_round(meeting)
    open_round(round_)
    rows = [
        (round_.pk, item.pk, people[j].pk, code)
        for item, codes in zip(items, export.rows)
        for j, code in enumerate(codes)
        if code
    ]
    store(rows, Vote.Source.GRID)
    close_round(round_)  # the votes were cast in Pol.is: nobody votes here any more
    counts = {code: sum(r[3] == code for r in rows) for code in ("G", "R", "W")}
    summary = _(
        "Importé de Pol.is : %(items)s propositions, %(people)s participants, %(votes)s votes "
        "(%(agree)s d'accord → vert clair, %(disagree)s pas d'accord → rose, "
        "%(passed)s passe → blanc) ; les cases vides restent sans vote. Échelle simplifiée à trois opinions."
    ) % {
        "items": len(items),
        "people": len(people),
        "votes": len(rows),
        "agree": counts["G"],
        "disagree": counts["R"],
        "passed": counts["W"],
    }
    return meeting, summary
