"""The debate of the demo séance: notes on the items debated, one item
reworded after a misunderstanding, the agenda's order, and a short silent
recording. Called by the lead's demo once its rounds and votes exist."""

from __future__ import annotations

import io
import wave

from django.core.files.base import ContentFile

from abaque.meetings.matrix import round_matrix

from .agenda import agenda, latest_closed_round, move
from .models import Note, Recording
from .revisions import reword

MAX_NOTED = 8

# Notes as a facilitator types them during the debate, found by a word of
# the item. {against} is someone who voted red or black, {other} a second
# one, {for_} someone who voted green.
TOPIC_NOTES: list[tuple[tuple[str, ...], str]] = [
    (("café", "cafe", "bistrot"),
     "{against} craint un café qui ferait concurrence au dernier bar du bourg. {for_} répond qu'il s'agit d'un lieu "
     "associatif ouvert l'après-midi, sans alcool, tenu par des bénévoles. Malentendu levé : personne ne veut fermer "
     "le bar, l'idée serait même de s'associer avec lui pour les soirées. {other} demande qui paiera le loyer : piste "
     "d'un local communal prêté. Proposition : une permanence test deux après-midi par mois à la salle des fêtes."),
    (("fonds", "initiative"),
     "{against} a voté rouge : « encore un dossier à remplir, les habitants ne viendront pas ». {for_} cite le fonds "
     "de la CAF, qui finance avec un formulaire d'une page et un jury d'habitants. {other} s'inquiète de l'équité entre "
     "petites et grandes communes. Accord pour un plafond par projet et un jury tournant. À préciser : qui instruit "
     "les demandes au Parc."),
    (("covoiturage", "transport", "mobilité", "mobilite"),
     "{against} : le covoiturage ne marche pas pour les personnes âgées qui ne conduisent plus, il faut un transport "
     "solidaire avec chauffeurs bénévoles. {for_} précise que l'item visait aussi cela. Le mot « solidaire » a été "
     "compris comme « payant » par plusieurs personnes. Décision : reformuler l'item avant le deuxième tour."),
    (("repas", "voisin", "fête", "fete"),
     "{against} rappelle que la fête des voisins existe déjà et peine à trouver des volontaires. {for_} propose de "
     "s'appuyer sur les associations de parents d'élèves. {other} souligne que les nouveaux arrivants ne sont jamais "
     "invités. Piste : un repas d'accueil des nouveaux habitants chaque automne, porté par la mairie."),
    (("âgé", "age", "aîné", "aine", "isolement", "seniors"),
     "{against} ne veut pas d'un dispositif de plus : le CCAS et l'ADMR passent déjà. {for_} parle des personnes "
     "âgées qui ne demandent rien et que personne ne voit. Consensus sur l'idée d'un repérage par les voisins, pas sur "
     "une visite systématique. {other} demande que les services sociaux soient associés dès le départ."),
    (("jardin", "potager"),
     "{against} doute qu'on trouve des terrains en centre-bourg. {for_} signale deux parcelles communales en friche à "
     "côté de l'école. Question de l'eau soulevée : récupération sur le toit de l'atelier municipal. Les enfants de "
     "l'école pourraient y avoir un carré."),
    (("service", "maison", "numérique", "numerique"),
     "{against} : une maison des services au bourg-centre éloigne encore les hameaux. {for_} propose une permanence "
     "itinérante, un jour par commune. {other} rappelle que beaucoup n'ont pas d'internet et ont besoin d'aide pour "
     "les démarches en ligne. Accord pour un conseiller numérique itinérant, à chiffrer."),
    (("mémoire", "memoire", "patrimoine", "histoire"),
     "{against} craint que la mémoire ne parle qu'aux anciens. {for_} propose des collectages menés par les collégiens "
     "auprès des aînés. Le groupe retient l'idée : elle répond aussi à « ici il n'y a rien », en valorisant ce que le "
     "territoire a été. {other} propose une exposition itinérante dans les mairies."),
]

GENERIC_NOTES = [
    "{against} a voté rouge : l'item lui paraît hors du rôle du Parc, c'est au Département de le porter. {for_} répond "
    "que le Parc peut réunir les acteurs sans se substituer à eux. Malentendu sur « social », compris comme « aide aux "
    "personnes en difficulté » ; l'item vise tous les habitants. {other} demande un exemple concret avant de revoter.",
    "{against} ne voit pas qui portera l'action : les bénévoles sont toujours les mêmes et s'épuisent. {for_} propose de "
    "commencer petit, dans une commune volontaire, et d'évaluer au bout d'un an. Le groupe s'accorde sur une "
    "expérimentation avant toute généralisation.",
    "{against} a voté noir : il ne veut pas se prononcer tant que le coût n'est pas connu. {for_} rappelle qu'une "
    "enveloppe est réservée pour les premières actions. {other} demande que les habitants soient associés au choix. "
    "À reprendre au comité de pilotage.",
]

REWORDINGS: list[tuple[tuple[str, ...], str, str]] = [
    (("covoiturage",), "Covoiturage et transport solidaire avec des chauffeurs bénévoles, sans but lucratif",
     "« Solidaire » a été compris comme « payant » ; l'item vise aussi les personnes qui ne conduisent plus."),
    (("café", "cafe"), "Créer un café associatif sans alcool, en lien avec les commerces existants",
     "Plusieurs participants ont cru que l'item menaçait le bar du bourg."),
]
GENERIC_REWORDING = (" — ouvert à tous les habitants",
                     "« Social » a été compris comme « aide aux personnes en difficulté » ; l'item vise tous les habitants.")


def _pick(text: str, table):
    lowered = text.lower()
    return next((row for row in table if any(word in lowered for word in row[0])), None)


def _voices(line, labels, anonymous: bool) -> dict:
    if anonymous:
        return {"against": "Un participant", "other": "Une autre personne", "for_": "Une élue"}
    against = line.voices or ["Un participant"]
    supporters = [labels[j] for j in line.stats.supporters] or ["Une élue"]
    return {"against": against[0], "other": against[1] if len(against) > 1 else "Une habitante", "for_": supporters[0]}


def silent_wav(seconds: float = 1.0, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


def load(meeting) -> None:
    """Fill the demo séance's debate; a no-op before a round is closed.
    Running it twice updates the notes and adds nothing else."""
    round_ = latest_closed_round(meeting)
    if round_ is None:
        return
    matrix = round_matrix(round_)
    labels = matrix.participant_labels()
    lines = agenda(meeting, matrix)[:MAX_NOTED]
    generic = iter(GENERIC_NOTES * MAX_NOTED)
    for line in lines:
        found = _pick(line.item.text, TOPIC_NOTES)
        text = (found[1] if found else next(generic)).format(**_voices(line, labels, meeting.is_anonymous))
        Note.objects.update_or_create(meeting=meeting, item=line.item, defaults={"text": text})
    if lines:
        _reword_one(lines)
        _debate(meeting, lines)


def _reword_one(lines) -> None:
    if any(line.item.revisions.exists() for line in lines):
        return
    target = next((line for line in lines if _pick(line.item.text, REWORDINGS)), lines[0])
    found = _pick(target.item.text, REWORDINGS)
    text, reason = (found[1], found[2]) if found else (target.item.text + GENERIC_REWORDING[0], GENERIC_REWORDING[1])
    reword(target.item, text[:300], reason)


def _debate(meeting, lines) -> None:
    """The facilitator took the last line before the others (they wanted to
    settle a quick minority point first), and recorded the first item."""
    if len(lines) > 2 and not meeting.agenda_positions.exists():
        move(meeting, lines[-1].item.pk, -1)
    first = lines[0].item
    meeting.debate_item = first
    meeting.save(update_fields=["debate_item", "updated_at"])
    if not meeting.recordings.exists():
        recording = Recording(meeting=meeting, item=first, mime_type="audio/wav", duration_seconds=1.0)
        recording.file.save(f"item-{first.pk}-demo.wav", ContentFile(silent_wav()), save=True)
