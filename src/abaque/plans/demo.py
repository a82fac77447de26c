"""The démarche of the demo: the Scarpe-Escaut park over three years
(the two cycles before this year's, and this year's), built around the demo séance, so that the plan, the
evaluation, the relaunch and the snowball dashboard all show real data."""

import random
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from abaque.debate import demo as debate_demo
from abaque.meetings import demo as meetings_demo
from abaque.meetings.demo import BASE_YEAR, date_meeting, demo_year
from abaque.meetings.models import Item, Meeting, Participant
from abaque.meetings.rounds import close_round, open_round, sync_open_round
from abaque.meetings.votes import cast_rows

from .ballots import PURPOSE, apply_ranking, create_ballot
from .models import (
    Action,
    Axis,
    CommitteeMember,
    Communication,
    CriterionValue,
    Cycle,
    CycleMeeting,
    Deliberation,
    Process,
    Territory,
)
from .relaunch import relaunch

PARK = "Parc naturel régional Scarpe-Escaut"
INTERCOMMUNALITY = "Communauté de communes Cœur d'Ostrevent"
M = CommitteeMember.Category
MEMBERS = [  # the booklet: six élus and five techniciens of the Park, then partners
    ("Martine Lefebvre", "Commune de Saint-Amand-les-Eaux", M.ELECTED),
    ("Jean-Pierre Dufour", "Commune de Wallers", M.ELECTED),
    ("Sylvie Caron", "Communauté de communes Cœur d'Ostrevent", M.ELECTED),
    ("Gérard Wattiez", "Commune de Marchiennes", M.ELECTED),
    ("Hélène Dupas", "Conseil départemental du Nord", M.ELECTED),
    ("Alain Descamps", "Conseil régional Hauts-de-France", M.ELECTED),
    ("Nadia Belkacem", "Parc — directeur général des services", M.STAFF),
    ("Claire Vasseur", "Parc — directrice adjointe", M.STAFF),
    ("Thomas Delcourt", "Parc — tourisme durable", M.STAFF),
    ("Julie Hautecoeur", "Parc — plan climat territorial", M.STAFF),
    ("Marc Lenglet", "Parc — éducation et culture", M.STAFF),
    ("Rachid Amrani", "CAF du Nord", M.PARTNER),
    ("Odile Leclercq", "MSA Nord-Pas de Calais", M.PARTNER),
    ("Bernard Dhaussy", "Centre social de Marchiennes", M.ACTOR),
]
AXES = [
    (1, "Un projet de territoire qui améliore la vie quotidienne des habitants"),
    (2, "Donner plus d'impact social aux actions du Parc"),
    (3, "Faire connaître, relier et mobiliser"),
]
ITEM_10 = {  # the booklet's extract of the co-construction table, word for word
    "title": "Item 10 : Faire émerger des projets habitants par exemple en créant une « fondation Parc » "
    "qui suscite et co-finance des projets",
    "criteria": [
        "Mesures 7 et 38",
        "- Politique régionale : Fonds de participation des Habitants / politique de la ville et Fonds Local "
        "d'Initiatives Pays (Pays Pévélois) ; CLAP\n- FIH (CAF)\n- projet européen WE CAN",
        "- Expérimentation aux côtés de Valenciennes Métropole avec Région, département, CAF pour les communes qui "
        "ne bénéficient pas du FPH, avec plus-value développement durable et éco-citoyenneté ?\n- Partager la "
        "connaissance des projets habitants soutenus (permet de mieux connaître les préoccupations, les "
        "initiatives, et de les valoriser…) (cf. item 1)\n- Explorer les réflexions en cours / coopération "
        "décentralisée (projet We can) et Brésil/Minas Gerais/ Région Nord Pas-de-Calais",
        "Pb des effets de seuil des dispositifs séparés urbains/ruraux avec des règles de fonctionnement et "
        "d'attribution différents - équité / citoyens ? Harmonisation possible ?\nAssocier découverte / "
        "participation des habitants",
    ],
}
S, K = Action.Status, Action.LeadKind
# Actions of 2024 from the demo séance's items, by the item's opening words:
# (words, axis, lead, lead kind, partners, funders, budget, schedule, park action, status after evaluation)
FROM_ITEMS = [
    (
        "Créer des cafés-rencontres",
        1,
        "Centre social de Marchiennes",
        K.ACTOR,
        "CAF du Nord",
        "CAF",
        4000,
        "Un café par mois, d'avril à novembre",
        "",
        S.CONTINUED,
    ),
    (
        "Mettre en place un transport solidaire",
        1,
        "Commune de Wallers",
        K.COMMUNE,
        "MSA Nord-Pas de Calais, Croix-Rouge",
        "MSA, Commune",
        6000,
        "Dès septembre",
        "",
        S.CONTINUED,
    ),
    (
        "Développer les jardins partagés",
        1,
        "Association Les Jardins du Cœur",
        K.ACTOR,
        "",
        "Fondation de France",
        3500,
        "Printemps",
        "",
        S.FINISHED,
    ),
    (
        "Installer des boîtes à livres",
        1,
        "Commune de Marchiennes",
        K.COMMUNE,
        "Médiathèque de Marchiennes",
        "Commune",
        1200,
        "Été",
        "",
        S.FINISHED,
    ),
    (
        "Favoriser les circuits courts",
        2,
        "Parc naturel régional Scarpe-Escaut",
        K.PARK,
        "Jardins de Cocagne",
        "Région",
        8000,
        "Toute l'année",
        "Promotion des circuits courts alimentaires",
        S.CONTINUED,
    ),
    (
        "Rendre la nature accessible",
        2,
        "Parc naturel régional Scarpe-Escaut",
        K.PARK,
        "APF France handicap",
        "Département",
        9000,
        "Saison des sorties nature",
        "Promotion des sports de nature",
        S.IMPROVED,
    ),
    (
        "Valoriser la mémoire des anciens",
        3,
        "Association Mémoire minière",
        K.ACTOR,
        "Centre historique minier",
        "Région, Commune",
        5000,
        "Journées du patrimoine",
        "",
        S.CONTINUED,
    ),
    (
        "Organiser des visites de terrain",
        3,
        "Comité de pilotage",
        K.COMMITTEE,
        "",
        "",
        800,
        "Deux visites par an",
        "",
        S.FINISHED,
    ),
]
NOT_RETAINED = [
    "Ouvrir un tiers-lieu par communauté de communes",
    "Organiser une fête du Parc dans chaque commune chaque année",
]
EVALUATION = {  # status → (effectiveness, impacts, corrections)
    S.FINISHED: (
        "Objectifs atteints.",
        "Des habitants qui ne se connaissaient pas se retrouvent.",
        "Aucun : l'action a trouvé son rythme sans le Parc.",
    ),
    S.ABANDONED: (
        "Peu de participants après la deuxième rencontre.",
        "Faibles.",
        "Ce format ne s'est pas installé dans la durée : à remplacer.",
    ),
    S.CONTINUED: (
        "Bonne participation, à consolider.",
        "Nouveaux liens entre associations et mairies.",
        "Élargir à d'autres communes.",
    ),
    S.IMPROVED: (
        "Résultats réels mais inégaux selon les communes.",
        "Des projets habitants financés.",
        "Simplifier le dossier et harmoniser les règles urbaines et rurales.",
    ),
}
NEW_2025 = [  # (title, axis, lead, kind, partners, funders, budget)
    (
        "Accueillir les nouveaux habitants par un parrainage de voisins",
        1,
        "Commune de Saint-Amand-les-Eaux",
        K.COMMUNE,
        "Comités de quartier",
        "Commune",
        2500,
    ),
    (
        "Annuaire des services de proximité, papier et en ligne",
        3,
        INTERCOMMUNALITY,
        K.INTERCOMMUNALITY,
        "CCAS, La Poste",
        "Communauté de communes",
        7000,
    ),
    (
        "Chantiers nature avec des personnes éloignées de l'emploi",
        2,
        "Chantier d'insertion Escaut Nature",
        K.ACTOR,
        "Pôle emploi, Département",
        "Département, Fondation de France",
        18000,
    ),
]
NEW_2026 = [
    (
        "Tiers-lieu de Cœur d'Ostrevent",
        1,
        INTERCOMMUNALITY,
        K.INTERCOMMUNALITY,
        "CAF du Nord, MSA, Région",
        "CAF, Région, Communauté de communes",
        35000,
    ),
    (
        "Conseil des jeunes du Parc",
        3,
        "Maison des jeunes de Somain",
        K.ACTOR,
        "Commune de Wallers",
        "Commune, CAF",
        4000,
    ),
    (
        "Conférences-débats sur le lien social",
        3,
        "Médiathèque de Marchiennes",
        K.PARTNER,
        "Université de Valenciennes",
        "Fondation de France",
        3000,
    ),
    (
        "Épicerie solidaire itinérante",
        1,
        "Secours populaire du Nord",
        K.PARTNER,
        "Banque alimentaire, Commune de Marchiennes",
        "Fondations, Département",
        22000,
    ),
]
OUTCOMES_2025 = {
    "Valoriser la mémoire": S.FINISHED,
    "Accueillir les nouveaux habitants": S.IMPROVED,
    "Mettre en place un transport solidaire": S.IMPROVED,
}
FIRST_NAMES = [
    "Anne",
    "Bruno",
    "Chantal",
    "David",
    "Émilie",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jules",
    "Karima",
    "Léon",
    "Manon",
    "Nicolas",
    "Océane",
    "Pierre",
    "Quentin",
    "Rose",
    "Samir",
    "Thérèse",
]
LAST_NAMES = ["Lemoine", "Duhamel", "Carpentier", "Delattre", "Poulain", "Vandamme", "Lecomte", "Masse"]
# Public séances: (cycle year, title, date, place, group, number of participants)
SEANCES = [
    (
        2024,
        "Réunion publique de restitution",
        date(2024, 11, 14),
        "Maison du Parc, Saint-Amand-les-Eaux",
        CycleMeeting.Group.PUBLIC,
        19,
    ),  # as in the booklet
    (
        2025,
        "Groupe test — Cœur d'Ostrevent",
        date(2025, 3, 20),
        "Salle polyvalente, Somain",
        CycleMeeting.Group.TEST_GROUP,
        36,
    ),
    (
        2026,
        "Réunion publique — lien social {year}",
        date(2026, 2, 5),
        "Salle des fêtes, Wallers",
        CycleMeeting.Group.PUBLIC,
        45,
    ),
]


SHARED_ITEMS = 4  # items each public séance votes on again


@transaction.atomic
def load_all(user) -> Meeting:
    """The whole demo, assembled here, at the top of the layers that make it:
    the séance (meetings), its debate (debate), the démarche (plans). Loading
    it again replaces the facilitator's previous demo."""
    remove(user)
    meeting = meetings_demo.load(user)
    debate_demo.load(meeting)
    load(user, meeting)
    return meeting


@transaction.atomic
def remove(user) -> tuple[int, int]:
    """Remove the facilitator's demo, and only it: the séances and démarches
    marked as demo. Returns how many séances and démarches went."""
    processes = Process.objects.filter(owner=user, is_demo=True)
    meetings = Meeting.objects.filter(facilitator=user, is_demo=True)
    counts = processes.count(), meetings.count()
    for process in processes:
        process.delete()
    for meeting in meetings:
        meeting.delete()
    return counts[1], counts[0]


def _shift(day: date, shift: int) -> date:
    return day.replace(year=day.year + shift)


def _at(day: date):
    return timezone.make_aware(datetime.combine(day, time(18, 0)))


@transaction.atomic
def load(user, meeting: Meeting, seed: int = 2024) -> Process:
    """Create the demo démarche for `user`, attaching the demo `meeting` to its first cycle."""
    rng = random.Random(seed)
    shift = demo_year() - BASE_YEAR
    y = {base: base + shift for base in (2024, 2025, 2026)}
    # Loading the demo again adds a démarche, as it adds a séance, on the same territories.
    park, _ = Territory.objects.get_or_create(owner=user, name=PARK, defaults={"kind": Territory.Kind.PARK})
    local, _ = Territory.objects.get_or_create(
        owner=user, name=INTERCOMMUNALITY, defaults={"kind": Territory.Kind.INTERCOMMUNALITY, "parent": park}
    )
    process = _process(user, park, shift)
    _local_process(user, local, y[2026])
    # Keyed by the year the data are written for; each cycle has its real year.
    cycles = {base: Cycle.objects.create(process=process, year=year) for base, year in y.items()}
    CycleMeeting.objects.create(cycle=cycles[2024], meeting=meeting, group=CycleMeeting.Group.TEST_GROUP)
    for year, title, when, *seance in SEANCES:
        _public_seance(user, cycles[year], meeting, rng, title.format(year=y[year]), _shift(when, shift), *seance)
    axes = {n: Axis.objects.create(process=process, number=n, title=title) for n, title in AXES}
    _plan_2024(user, cycles[2024], meeting, axes, rng)
    _evaluate(
        user,
        cycles[2024],
        rng,
        "Première année : huit actions sur dix ont démarré dès l'année 1, "
        "l'inaction prolongée a été évitée. Le fonds d'initiatives est à simplifier ; les cafés-échange du "
        "comité ne se sont pas installés dans la durée.",
        vote=True,
    )
    _new_actions(relaunch(cycles[2024]), axes, NEW_2025, rng)
    _evaluate(
        user,
        cycles[2025],
        rng,
        "Les communes et les associations portent désormais plus d'actions que le "
        "Parc : l'effet d'entraînement recherché commence.",
        OUTCOMES_2025,
    )
    _new_actions(relaunch(cycles[2025]), axes, NEW_2026, rng)
    _communication(cycles, shift)
    _date_committee(process, shift)
    return process


def _date_committee(process, shift):
    """The committee's votes and the relaunches happened in their cycle's
    calendar (priorities in spring, the evaluation in January after), not on
    the day the demo was loaded."""
    for cycle in process.cycles.all():
        for link in cycle.cycle_meetings.filter(group=CycleMeeting.Group.COMMITTEE):
            day = date(cycle.year, 4, 10) if link.purpose == PURPOSE.PRIORITISATION else date(cycle.year + 1, 1, 9)
            Meeting.objects.filter(pk=link.meeting_id).update(is_demo=True)
            date_meeting(link.meeting, day)
        if cycle.relaunched_at:
            cycle.relaunched_at = _at(date(cycle.year + 1, 1, 16))
            cycle.save(update_fields=["relaunched_at"])


def _process(user, park, shift):
    process = Process.objects.create(
        owner=user,
        is_demo=True,
        territory=park,
        title="Lien social et solidarités de proximité",
        description="Faire émerger une dynamique sociale locale, en complément des politiques sociales catégorielles.",
        lead_official="Martine Lefebvre, vice-présidente du Parc",
        lead_facilitator="Nadia Belkacem, chargée de mission",
    )
    process.add_default_criteria()
    Deliberation.objects.create(
        process=process,
        date=_shift(date(2023, 12, 7), shift),
        text="Le comité syndical engage le Parc dans la démarche « Lien social et solidarités de proximité » pour "
        "plusieurs années et l'intègre au projet de territoire.",
        mandate="Mener la phase de dialogue et de médiation, proposer un plan d'action, suivre sa mise en œuvre et "
        "relancer la démarche chaque année après évaluation.",
    )
    Deliberation.objects.create(
        process=process,
        date=_shift(date(2025, 1, 16), shift),
        text="Après l'évaluation de la première année, le comité syndical renouvelle son engagement.",
        mandate=f"Suivi, évaluation et amélioration continue du plan d'action {2025 + shift}.",
    )
    CommitteeMember.objects.bulk_create(
        [CommitteeMember(process=process, name=n, organisation=o, category=c) for n, o, c in MEMBERS]
    )
    return process


def _local_process(user, local, year):
    """Point 7: a communauté de communes runs its own démarche, the Park supports."""
    process = Process.objects.create(
        owner=user,
        is_demo=True,
        territory=local,
        title="Lien social en Cœur d'Ostrevent",
        park_supports_only=True,
        lead_official="Sylvie Caron",
        lead_facilitator="Animatrice de la communauté de communes",
        description="Déclinaison locale de la démarche du Parc, à partir de l'année 2.",
    )
    process.add_default_criteria()
    Cycle.objects.create(process=process, year=year)


def _public_seance(user, cycle, demo, rng, title, when, place, group, size):
    """A séance that voted on some of the demo séance's items, for the comparison."""
    seance = Meeting.objects.create(
        facilitator=user, is_demo=True, title=title, date=when, place=place, territory=PARK, question=demo.question
    )
    Participant.objects.bulk_create(
        [
            Participant(
                meeting=seance,
                name=f"{FIRST_NAMES[i % 20]} {LAST_NAMES[(i // 20 + 3 * i + cycle.year) % 8]}",
                position=i,
            )
            for i in range(size)
        ]
    )
    for i, item in enumerate(demo.active_items()[:SHARED_ITEMS], 1):
        Item.objects.create(meeting=seance, text=item.text, position=i, validated=True)
    sync_open_round(seance)
    leaning = ["VG", "G", "G", "O", "R", "W"]
    _vote(seance, [" ".join(rng.choice(leaning) for _ in range(size)) for _ in range(SHARED_ITEMS)])
    date_meeting(seance, when)
    CycleMeeting.objects.create(cycle=cycle, meeting=seance, group=group)


def _plan_2024(user, cycle, meeting, axes, rng):
    items = list(meeting.active_items())
    fund = Action.objects.create(
        cycle=cycle,
        title=ITEM_10["title"],
        axis=axes[1],
        retained=True,
        lead="Parc naturel régional Scarpe-Escaut",
        lead_kind=K.PARK,
        partners="Région, Valenciennes Métropole, CAF du Nord",
        funders="Région, CAF",
        budget=Decimal(15000),
        schedule="Premier appel à projets en juin",
        status=S.IMPROVED,
        objectives="Soutenir dix projets d'habitants dans l'année.",
    )
    for criterion, text in zip(cycle.process.criteria.all(), ITEM_10["criteria"]):
        CriterionValue.objects.create(action=fund, criterion=criterion, text=text)
    for words, axis, lead, kind, partners, funders, budget, schedule, park_action, status in FROM_ITEMS:
        item = next(i for i in items if i.text.startswith(words))
        action = Action.objects.create(
            cycle=cycle,
            item=item,
            title=item.text,
            axis=axes[axis],
            retained=True,
            lead=lead,
            lead_kind=kind,
            partners=partners,
            funders=funders,
            budget=Decimal(budget),
            schedule=schedule,
            enriches_park_action=park_action,
            status=status,
            objectives=f"{item.text} : premiers résultats dans l'année.",
        )
        _criteria(action, rng)
    Action.objects.create(
        cycle=cycle,
        title="Cafés-échange du comité de pilotage sur le lien social",
        axis=axes[3],
        retained=True,
        lead="Comité de pilotage",
        lead_kind=K.COMMITTEE,
        budget=Decimal(500),
        status=S.ABANDONED,
        objectives="Faire du comité un lieu de débat ouvert.",
    )
    for text in NOT_RETAINED:
        item = next((i for i in items if i.text == text), None)
        Action.objects.create(cycle=cycle, item=item, title=text, retained=False)
    _committee_vote(user, cycle, PURPOSE.PRIORITISATION, rng)


CHARTER = ["Mesure 7", "Mesures 12 et 38", "Mesure 21", "Mesure 38"]
OPERABILITY = [
    "Démarrage possible dès l'année 1",
    "Un porteur associatif identifié",
    "À caler avec le calendrier des communes",
]


def _criteria(action, rng):
    texts = [rng.choice(CHARTER), action.partners or "—", rng.choice(OPERABILITY), ""]
    for criterion, text in zip(action.cycle.process.criteria.all(), texts):
        CriterionValue.objects.create(action=action, criterion=criterion, text=text)


def _committee_vote(user, cycle, purpose, rng):
    """The committee votes with the abacus; supported actions get greener cards."""
    link = create_ballot(cycle, purpose, user)
    leaning = {
        S.FINISHED: "VG VG G",
        S.IMPROVED: "G G O",
        S.CONTINUED: "VG G O",
        S.ABANDONED: "R RR O B",
        S.NEW: "G O R",
    }
    entries = {e.item_id: e.action for e in link.entries.select_related("action")}
    members = link.meeting.participants.count()
    rows = [
        " ".join(rng.choice(leaning[entries[ri.item_id].status].split()) for _ in range(members))
        for ri in link.meeting.current_round().round_items.all()
    ]
    _vote(link.meeting, rows)
    if purpose == PURPOSE.PRIORITISATION:
        apply_ranking(link)
    return link


def _evaluate(user, cycle, rng, synthesis, outcomes=None, vote=False):
    """Fill the evaluation of every action of the plan (its status from
    `outcomes`, by opening words, else kept), the committee's vote, the synthesis."""
    for action in cycle.plan():
        outcome = next((st for words, st in (outcomes or {}).items() if action.title.startswith(words)), None)
        action.status = outcome or (S.CONTINUED if action.status == S.NEW else action.status)
        effectiveness, impacts, corrections = EVALUATION[action.status]
        action.objectives = action.objectives or f"Mettre en œuvre « {action.title} » avec son porteur."
        action.effectiveness, action.impacts, action.corrections = effectiveness, impacts, corrections
        action.save()
    if vote:
        _committee_vote(user, cycle, PURPOSE.EVALUATION, rng)
    cycle.synthesis = synthesis
    cycle.save(update_fields=["synthesis"])


def _new_actions(cycle, axes, rows, rng):
    """The new actions of a relaunched plan; carried ones gain partners and funds (the snowball)."""
    for action in cycle.actions.all():
        action.budget = (action.budget or 0) * Decimal("1.3")
        action.save(update_fields=["budget"])
    start = cycle.actions.count()
    for n, (title, axis, lead, kind, partners, funders, budget) in enumerate(rows, 1):
        action = Action.objects.create(
            cycle=cycle,
            title=title,
            axis=axes[axis],
            retained=True,
            priority=start + n,
            lead=lead,
            lead_kind=kind,
            partners=partners,
            funders=funders,
            budget=Decimal(budget),
            objectives=f"Lancer « {title} » dans l'année.",
        )
        _criteria(action, rng)


def _communication(cycles, shift):
    C = Communication.Channel
    rows = [
        (
            2024,
            "Le comité de pilotage",
            "Faire connaître la démarche et inviter à participer",
            "Habitants, associations",
            "« Ensemble, renforçons le lien social près de chez nous »",
            [C.COMMUNES, C.BULLETINS, C.POSTERS],
            date(2024, 5, 1),
            Communication.Status.DONE,
        ),
        (
            2025,
            "L'élu référent",
            "Rendre compte de la première année aux élus",
            "Élus du syndicat mixte",
            "Les actions de l'année 1 et leurs résultats, avec des témoignages",
            [C.EVENTS],
            date(2025, 1, 16),
            Communication.Status.DONE,
        ),
        (
            2025,
            "Les porteurs d'actions",
            "Montrer les initiatives habitants",
            "Grand public",
            "Des témoignages d'habitants et d'associations",
            [C.PRESS, C.SOCIAL, C.ASSOCIATIONS],
            date(2025, 6, 1),
            Communication.Status.DONE,
        ),
        (
            2026,
            "Le comité de pilotage",
            "Inviter à la réunion publique annuelle",
            "Habitants, acteurs, partenaires",
            "« Venez évaluer et relancer le plan avec nous »",
            [C.COMMUNES, C.PRESS, C.POSTERS, C.SOCIAL],
            date(2026, 1, 10),
            Communication.Status.ONGOING,
        ),
        (
            2026,
            "L'animateur référent",
            "Faire vivre le réseau des porteurs",
            "Associations, communes",
            "Une lettre trimestrielle des initiatives",
            [C.ASSOCIATIONS, C.BULLETINS],
            date(2026, 3, 1),
            Communication.Status.PLANNED,
        ),
    ]
    for year, who, objectives, targets, messages, channels, start, status in rows:
        Communication.objects.create(
            cycle=cycles[year],
            who=who,
            objectives=objectives,
            targets=targets,
            messages=messages,
            channels=list(channels),
            start=_shift(start, shift),
            status=status,
        )


def _vote(meeting, rows):
    """One round of the séance, from rows of codes: opened, voted, closed."""
    round_ = meeting.current_round()
    open_round(round_)
    cast_rows(round_, rows, strict=False)
    close_round(round_)
