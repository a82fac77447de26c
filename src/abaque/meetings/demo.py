"""A realistic demo séance, so that a newcomer sees a full matrix at once:
the Scarpe-Escaut question of the booklet, participants of mixed
categories, items written as people say them, two vote rounds."""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from .models import Item, Meeting, Participant, Vote, VoteLog
from .rounds import close_round, new_round, open_round, sync_open_round
from .votes import cast_vote

QUESTION = (
    "Selon vous, comment pouvons-nous, ensemble, renforcer le lien social "
    "et les solidarités de proximité avec les habitants ?"
)

C = Participant.Category
PARTICIPANTS = [
    ("Martine Lefebvre", C.ELECTED),
    ("Jean-Pierre Dufour", C.ELECTED),
    ("Sylvie Caron", C.ELECTED),
    ("Gérard Wattiez", C.ELECTED),
    ("Nadia Belkacem", C.STAFF),
    ("Thomas Delcourt", C.STAFF),
    ("Claire Vasseur", C.STAFF),
    ("Rachid Amrani", C.ACTOR),
    ("Odile Leclercq", C.ACTOR),
    ("Bernard Dhaussy", C.ACTOR),
    ("Lucie Moreau", C.INHABITANT),
    ("Kevin Lemaire", C.INHABITANT),
    ("Françoise Boulanger", C.INHABITANT),
    ("Paul Hennebert", C.OTHER),
]

# (text, author index, profile). A profile says how the room leans:
# "for"/"against" a consensus, "split" a dissensus between the institutions
# (élus, techniciens) and the others, "mixed" scattered opinions, "unsure" many white cards.
ITEMS = [
    ("Créer des cafés-rencontres itinérants dans les villages", 10, "for"),
    ("Faire émerger des projets habitants en créant une « fondation Parc » qui les co-finance", 7, "for"),
    ("Ouvrir les salles communales aux associations le soir et le week-end", 8, "split"),
    ("Mettre en place un transport solidaire avec des chauffeurs bénévoles", 11, "for"),
    ("Recenser les personnes isolées avec les mairies et les CCAS", 4, "mixed"),
    ("Valoriser la mémoire des anciens mineurs et des habitants", 9, "for"),
    ("Créer un fonds d'initiatives habitants géré par un comité d'habitants", 12, "split"),
    ("Organiser une fête du Parc dans chaque commune chaque année", 1, "mixed"),
    ("Installer des boîtes à livres et des grainothèques dans les mairies", 13, "for"),
    ("Former les élus à l'animation de réunions participatives", 5, "split"),
    ("Développer les jardins partagés intergénérationnels", 10, "for"),
    ("Confier aux associations la gestion des actions sociales du Parc", 8, "against"),
    ("Créer un annuaire des services de proximité, papier et en ligne", 6, "mixed"),
    ("Favoriser les circuits courts avec les associations d'insertion", 4, "for"),
    ("Rendre la nature accessible aux personnes à mobilité réduite", 6, "for"),
    ("Augmenter les impôts locaux pour financer les actions sociales", 2, "against"),
    ("Ouvrir un tiers-lieu par communauté de communes", 7, "split"),
    ("Associer les jeunes aux décisions du conseil municipal", 11, "mixed"),
    ("Mutualiser les minibus des communes et des clubs", 3, "unsure"),
    ("Le social n'est pas le rôle du Parc : laisser faire le Département et la CAF", 0, "against"),
    ("Mieux faire connaître ce qui existe déjà avant de créer du nouveau", 12, "for"),
    ("Créer des chantiers nature avec des personnes éloignées de l'emploi", 5, "split"),
    ("Organiser des visites de terrain avec les élus et les habitants", 9, "for"),
    ("Proposer des conférences-débats sur le lien social", 13, "unsure"),
    ("Accueillir les nouveaux habitants par un parrainage de voisins", 10, "mixed"),
]

PROFILES = {
    "for": ["VG"] * 5 + ["G"] * 4 + ["O"],
    "against": ["RR"] * 4 + ["R"] * 4 + ["O", "B"],
    "mixed": ["VG", "G", "G", "O", "O", "R", "W"],
    "unsure": ["W", "W", "W", "O", "G", "R", "B"],
}
SPLIT_INSTITUTIONS = ["R", "RR", "RR", "R", "B"]

# The demo's dates are written for a démarche whose current cycle is this
# year; they move with today so that no séance lies in the future of its cycle.
BASE_YEAR = 2026
CURRENT_CYCLE_FROM = (2, 5)  # the current cycle's public séance, 5 February


def demo_year(today: date | None = None) -> int:
    """The year of the demo's current cycle: this year once 5 February is past."""
    today = today or date.today()
    return today.year if (today.month, today.day) >= CURRENT_CYCLE_FROM else today.year - 1


def shifted(day: date, today: date | None = None) -> date:
    """A date of the demo's data moved to the demo's current cycle."""
    return day.replace(year=day.year + demo_year(today) - BASE_YEAR)


def date_meeting(meeting: Meeting, day: date) -> None:
    """Date a demo séance and what happened in it (rounds, votes) on `day`,
    instead of the moment the demo was loaded."""
    meeting.date = day
    meeting.save(update_fields=["date"])
    start = timezone.make_aware(datetime.combine(day, time(14, 0)))
    for round_ in meeting.rounds.order_by("number"):
        opened = start + timedelta(hours=round_.number - 1)
        closed = opened + timedelta(minutes=40) if round_.closed_at else None
        type(round_).objects.filter(pk=round_.pk).update(opened_at=opened, closed_at=closed)
        Vote.objects.filter(round=round_, updated_at__isnull=False).update(updated_at=opened + timedelta(minutes=20))
        VoteLog.objects.filter(round=round_, at__isnull=False).update(at=opened + timedelta(minutes=20))


SPLIT_OTHERS = ["VG", "VG", "VG", "G", "O"]


def _code_for(rng, profile, category):
    if profile == "split":
        return rng.choice(SPLIT_INSTITUTIONS if category in (C.ELECTED, C.STAFF) else SPLIT_OTHERS)
    return rng.choice(PROFILES[profile])


def _softened(code):
    """After the debate, a dissenting vote often moves one step closer."""
    return {"RR": "R", "R": "O", "B": "O", "O": "G"}.get(code, code)


DAY = date(2024, 3, 12)  # the test group of the démarche's first cycle


@transaction.atomic
def load(user, seed: int = 2012) -> Meeting:
    """Create the demo séance for `user`, with both vote rounds done."""
    rng = random.Random(seed)
    meeting = Meeting.objects.create(
        facilitator=user,
        is_demo=True,
        title="Regards croisés — lien social et solidarités de proximité",
        date=DAY,
        place="Salle des fêtes, Saint-Amand-les-Eaux",
        territory="Parc naturel régional Scarpe-Escaut",
        question=QUESTION,
    )
    people = [
        Participant.objects.create(meeting=meeting, name=name, category=cat, position=i + 1, email=_email(name))
        for i, (name, cat) in enumerate(PARTICIPANTS)
    ]
    items = [
        Item.objects.create(meeting=meeting, text=text, author=people[author], position=i + 1, validated=True)
        for i, (text, author, _) in enumerate(ITEMS)
    ]
    first = sync_open_round(meeting)
    open_round(first)
    codes = {}
    for item, (_, _, profile) in zip(items, ITEMS):
        for person in people:
            if rng.random() < 0.03:
                continue  # someone missed an item
            codes[item.pk, person.pk] = _code_for(rng, profile, person.category)
            cast_vote(first, item, person, codes[item.pk, person.pk], Vote.Source.PHONE)
    close_round(first)
    _second_round(meeting, items, people, codes, rng)
    date_meeting(meeting, shifted(DAY))
    return meeting


def _second_round(meeting, items, people, codes, rng):
    """A new vote on the dissensus items after the debate."""
    debated = [item for item, (_, _, profile) in zip(items, ITEMS) if profile == "split"]
    second = new_round(meeting, debated)
    open_round(second)
    for item in debated:
        for person in people:
            before = codes.get((item.pk, person.pk))
            if before is None:
                continue
            after = _softened(before) if rng.random() < 0.6 else before
            cast_vote(second, item, person, after, Vote.Source.PHONE)
    close_round(second)


def _email(name):
    local = name.lower().replace(" ", ".").replace("é", "e").replace("è", "e").replace("ç", "c")
    return f"{local}@exemple.fr"
