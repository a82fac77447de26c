"""The debate of the demo séance: notes on the items debated, one item
reworded after a misunderstanding, the agenda's order, and a short silent
recording. Called by the lead's demo once its rounds and votes exist."""

from __future__ import annotations

import io
import wave

from django.core.files.base import ContentFile

from abaque.meetings.matrix import round_matrix
from abaque.meetings.models import Round

from .agenda import agenda, move
from .models import Note, Recording
from .revisions import reword

MAX_NOTED = 8

# Notes as a facilitator types them during the debate, found by a word of
# the item. {against} is someone who voted red or black, {other} a second
# one, {for_} someone who voted green.
TOPIC_NOTES: list[tuple[tuple[str, ...], str]] = [
    (
        ("tiers-lieu",),
        "{against} : un tiers-lieu par communauté de communes, c'est encore un équipement au bourg-centre, loin des "
        "hameaux. {for_} précise qu'il peut être itinérant ou s'installer dans un café existant. {other} demande qui "
        "paiera le fonctionnement après la première année. Malentendu levé : personne ne propose de construire. "
        "Proposition : recenser d'abord les lieux déjà ouverts (médiathèques, cafés, salles).",
    ),
    (
        ("salles communales", "salle"),
        "{against} a voté rouge : les élus répondent des clés, du ménage et de l'assurance. {for_} rappelle que des "
        "associations se réunissent aujourd'hui dans des garages faute de salle. {other} propose une convention type avec "
        "un référent par association. Accord pour essayer dans deux communes volontaires avant de généraliser.",
    ),
    (
        ("chantiers nature", "chantier"),
        "{against} ne voit pas le lien avec le lien social : c'est une politique d'insertion, pas une action du Parc. "
        "{for_} raconte le chantier de l'an dernier au marais, où habitants et salariés en insertion ont travaillé "
        "ensemble. « Personnes éloignées de l'emploi » a été compris comme « public à part ». {other} demande que les "
        "chantiers soient ouverts aux bénévoles du village.",
    ),
    (
        ("former les élus", "élus à l'animation", "animation de réunions"),
        "{against} : « on ne va pas nous apprendre à faire une réunion ». {for_} parle moins de formation que d'échange "
        "entre élus qui ont essayé. {other} rappelle que Mairie-conseils propose des journées gratuites. Le mot « former » "
        "a braqué ; « échanger entre pairs » fait consensus dans la salle.",
    ),
    (
        ("fonds", "initiative"),
        "{against} a voté rouge : « encore un dossier à remplir, les habitants ne viendront pas ». {for_} cite le fonds "
        "de la CAF, qui finance avec un formulaire d'une page et un jury d'habitants. {other} s'inquiète de l'équité entre "
        "petites et grandes communes. Accord pour un plafond par projet et un jury tournant. À préciser : qui instruit "
        "les demandes au Parc.",
    ),
    (
        ("minibus",),
        "Beaucoup de blancs sur cet item : « mutualiser » n'était pas clair (vendre, prêter, partager le chauffeur ?). "
        "{against} craint pour l'assurance des véhicules prêtés. {for_} signale que le club de foot cherche un minibus "
        "le samedi et que celui de la commune dort au garage. Décision : reformuler l'item avant un nouveau vote.",
    ),
    (
        ("jeunes",),
        "{against} : les jeunes ne viennent pas aux réunions, inutile de leur réserver une place. {for_} répond qu'on ne "
        "les invite jamais aux heures où ils sont libres. {other} propose un conseil de jeunes, qui rendrait un avis sur "
        "deux ou trois projets par an. À creuser avec les collèges et la mission locale.",
    ),
    (
        ("isolées", "isolement", "âgé", "aîné"),
        "{against} ne veut pas d'une liste de personnes « fragiles » tenue par la mairie : question de respect et de "
        "données personnelles. {for_} rappelle le registre canicule qui existe déjà. Consensus sur un repérage par les "
        "voisins et les facteurs, sans fichier. {other} demande que le CCAS soit associé dès le départ.",
    ),
    (
        ("fête",),
        "{against} : une fête de plus, alors que les comités des fêtes s'essoufflent. {for_} propose de s'appuyer sur "
        "les fêtes existantes plutôt que d'en créer une. Accord pour un stand du Parc dans les fêtes de village, pas pour "
        "une nouvelle date.",
    ),
    (
        ("annuaire",),
        "{against} doute qu'un annuaire papier reste à jour plus de six mois. {for_} insiste : beaucoup d'aînés n'ont "
        "pas internet. {other} propose une page par commune dans le bulletin municipal, mise à jour chaque année.",
    ),
    (
        ("café",),
        "{against} craint un café qui ferait concurrence au dernier bar du bourg. {for_} répond qu'il s'agit d'un lieu "
        "associatif ouvert l'après-midi, tenu par des bénévoles. Malentendu levé : personne ne veut fermer le bar. "
        "Proposition : une permanence test deux après-midi par mois à la salle des fêtes.",
    ),
    (
        ("covoiturage", "transport"),
        "{against} : le covoiturage ne sert pas les personnes âgées qui ne conduisent plus. {for_} précise que l'item "
        "visait aussi des chauffeurs bénévoles. Le mot « solidaire » a été compris comme « payant » par plusieurs "
        "personnes. Décision : reformuler l'item avant le deuxième tour.",
    ),
]

GENERIC_NOTES = [
    "{against} a voté rouge : l'item paraît hors du rôle du Parc, c'est au Département de le porter. {for_} répond "
    "que le Parc peut réunir les acteurs sans se substituer à eux. Malentendu sur « social », compris comme « aide aux "
    "personnes en difficulté » ; l'item vise tous les habitants. {other} demande un exemple concret avant de revoter.",
    "{against} ne voit pas qui portera l'action : les bénévoles sont toujours les mêmes et s'épuisent. {for_} propose de "
    "commencer petit, dans une commune volontaire, et d'évaluer au bout d'un an. Le groupe s'accorde sur une "
    "expérimentation avant toute généralisation.",
    "{against} a voté noir : pas de position tant que le coût n'est pas connu. {for_} rappelle qu'une enveloppe est "
    "réservée pour les premières actions. {other} demande que les habitants soient associés au choix. À reprendre au "
    "comité de pilotage.",
    "{against} trouve l'item trop vague pour voter pour. {for_} donne l'exemple d'une commune voisine où cela "
    "fonctionne depuis deux ans. {other} propose d'inviter ses porteurs à la prochaine réunion. Le groupe veut un "
    "exemple local avant de trancher.",
]

REWORDINGS: list[tuple[tuple[str, ...], str, str]] = [
    (
        ("minibus",),
        "Prêter les minibus des communes et des clubs aux associations, avec un planning partagé",
        "Beaucoup de votes blancs : « mutualiser » a été compris de plusieurs façons (vendre, prêter, partager un chauffeur).",
    ),
    (
        ("former les élus",),
        "Organiser des échanges entre élus sur l'animation de réunions participatives",
        "« Former » a été entendu comme une leçon donnée aux élus ; l'idée est un échange entre pairs.",
    ),
    (
        ("covoiturage",),
        "Covoiturage et transport solidaire avec des chauffeurs bénévoles, sans but lucratif",
        "« Solidaire » a été compris comme « payant » ; l'item vise aussi les personnes qui ne conduisent plus.",
    ),
]
GENERIC_REWORDING = (
    " — ouvert à tous les habitants",
    "« Social » a été compris comme « aide aux personnes en difficulté » ; l'item vise tous les habitants.",
)


def _pick(text: str, table):
    lowered = text.lower()
    return next((row for row in table if any(word in lowered for word in row[0])), None)


def _voices(line, labels, anonymous: bool, turn: int) -> dict:
    """Who speaks in a note: taken in turn among those invited and those
    who voted green, so that the same name does not open every note."""
    if anonymous:
        return {"against": "Une participante", "other": "Une autre personne", "for_": "Un participant"}
    against = line.voices or ["Une participante"]
    supporters = [labels[j] for j in line.stats.supporters] or ["Un participant"]
    other = against[(turn + 1) % len(against)] if len(against) > 1 else "Une habitante"
    return {"against": against[turn % len(against)], "other": other, "for_": supporters[turn % len(supporters)]}


def silent_wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def load(meeting) -> None:
    """Fill the demo séance's debate, the one that followed its first round;
    a no-op before that round is closed. Running it twice updates the notes
    and adds nothing else."""
    round_ = meeting.rounds.filter(status=Round.Status.CLOSED).order_by("number").first()
    if round_ is None:
        return
    matrix = round_matrix(round_)
    labels = matrix.participant_labels()
    lines = agenda(meeting, matrix)[:MAX_NOTED]
    generic = iter(GENERIC_NOTES * MAX_NOTED)
    for turn, line in enumerate(lines):
        found = _pick(line.item.text, TOPIC_NOTES)
        text = (found[1] if found else next(generic)).format(**_voices(line, labels, meeting.is_anonymous, turn))
        Note.objects.update_or_create(meeting=meeting, item=line.item, defaults={"text": text})
    if lines:
        _reword_one(lines)
    _debate(meeting)


def _reword_one(lines) -> None:
    if any(line.item.revisions.exists() for line in lines):
        return
    found = next(((line, row) for row in REWORDINGS for line in lines if _pick(line.item.text, [row])), None)
    if found:
        target, (_, text, reason) = found
    else:
        target, (suffix, reason) = lines[0], GENERIC_REWORDING
        text = target.item.text + suffix
    reword(target.item, text[:300], reason)


def _debate(meeting) -> None:
    """The agenda the facilitator sees now: they took its last line before
    the one above (a quick minority point first); the head is in debate,
    with a short recording."""
    current = agenda(meeting)
    if not current:
        return
    if len(current) > 2 and not meeting.agenda_positions.exists():
        move(meeting, current[-1].item.pk, -1)
    first = current[0].item
    meeting.debate_item = first
    meeting.save(update_fields=["debate_item", "updated_at"])
    if not meeting.recordings.exists():
        recording = Recording(meeting=meeting, item=first, mime_type="audio/wav", duration_seconds=1.0)
        recording.file.save(f"item-{first.pk}-demo.wav", ContentFile(silent_wav()), save=True)
