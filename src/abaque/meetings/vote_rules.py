"""The rules a vote must pass, written once for both ways in: the phones
(vote_batch, on the plain rows a batch already loaded) and the facilitator's
grid (votes.cast_vote). Each rule takes plain values, makes no query, and
returns the refusal (a plain string, in the active language: the phones' answer
is rendered in the séance's language by its caller), or None when the vote passes it."""

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from abaque import scale

from .models import Participant, Round, Vote

NOT_OPEN = {
    Round.Status.PREPARING: gettext_lazy("Le vote n'est pas encore ouvert : votre vote n'a pas été enregistré."),
    Round.Status.CLOSED: gettext_lazy("Le vote est clos : votre vote n'a pas été enregistré."),
}
NOT_IN_ROUND = gettext_lazy("Cet item n'est pas soumis au vote dans ce tour : rechargez la page.")
ONLINE_NOT_YET = gettext_lazy("La consultation en ligne n'est pas encore ouverte : votre vote n'a pas été enregistré.")
ONLINE_CLOSED = gettext_lazy("La consultation en ligne est close : votre vote n'a pas été enregistré.")
UNKNOWN_PARTICIPANT = gettext_lazy("Cet item ou ce participant n'appartient pas à cette séance.")
PHONE_VOTE = gettext_lazy("Cette case a été votée depuis le téléphone du participant : confirmez pour la remplacer.")


def round_is_open(status: str) -> str | None:
    return None if status == Round.Status.OPEN else str(NOT_OPEN[status])


def item_is_in_round(round_id: int, item_id: int, in_round) -> str | None:
    """`in_round`: the (round id, item id) pairs of the rounds concerned."""
    return None if (round_id, item_id) in in_round else str(NOT_IN_ROUND)


def online_window_is_open(origin: str, opens_at: datetime | None, closes_at: datetime | None, now: datetime):
    """An online participant votes only between the online phase's opening
    and closing times; `now` is taken where the vote is stored, so a vote in
    flight at the closing time is judged when it lands. The room is not
    bound by the online window."""
    if origin != Participant.Origin.ONLINE:
        return None
    if opens_at and now < opens_at:
        return str(ONLINE_NOT_YET)
    if closes_at and now >= closes_at:
        return str(ONLINE_CLOSED)
    return None


def participant_is_known(participant_meeting_id, round_meeting_id) -> str | None:
    return None if participant_meeting_id == round_meeting_id else str(UNKNOWN_PARTICIPANT)


def code_is_in_scale(code: str, scale_variant: str) -> str | None:
    """`code` already stripped and upper-cased; "" (clearing a cell) passes."""
    if code and code not in scale.VARIANTS[scale_variant]:
        return _("Couleur inconnue pour cette séance : %(code)s.") % {"code": code}
    return None


def refusal(*, status, round_id, item_id, in_round, code, scale_variant, require_open=True, online=None) -> str | None:
    """The first rule the vote breaks, in the order a voter can act on.
    `require_open=False` only for seeding a round in tests and the demo.
    `online`: (origin, opens_at, closes_at, now) for the online window."""
    checks = [
        online_window_is_open(*online) if online else None,
        item_is_in_round(round_id, item_id, in_round),
        round_is_open(status) if require_open else (str(NOT_OPEN[status]) if status == Round.Status.CLOSED else None),
        code_is_in_scale(code, scale_variant),
    ]
    return next((message for message in checks if message), None)


def keeps_phone_vote(stored_source: str | None, stored_code: str | None, code: str, confirmed: bool) -> str | None:
    """The grid never replaces (nor clears) a vote made on a phone unless the
    facilitator confirmed it; typing the same colour again changes nothing."""
    if stored_source == Vote.Source.PHONE and stored_code != code and not confirmed:
        return str(PHONE_VOTE)
    return None
