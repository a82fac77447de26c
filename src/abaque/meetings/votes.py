"""Casting one vote at a time: the facilitator's grid and the demo. Phones
go through vote_batch, in batches; both store through vote_batch.store."""

from django.db import transaction
from django.utils import timezone

from . import vote_rules
from .models import Round, RoundItem, Vote, VoteLog
from .vote_batch import store


class VoteRefused(Exception):
    """A vote that cannot be taken; the message is shown to the voter."""


class PhoneVoteKept(VoteRefused):
    """The grid tried to replace a phone vote unconfirmed; `code` is the
    phone's, for the facilitator to see before confirming."""

    def __init__(self, message, code):
        super().__init__(message)
        self.code = code


def cast_vote(round_, item, participant, code, source=Vote.Source.GRID, *, require_open=False, replace_phone=True):
    """Store `code` (or clear the cell when code is empty), log it, and return
    the stored Vote or None. Idempotent: the same vote twice changes nothing
    but the log. Committed before it returns, so an acknowledgement that
    follows survives a crash of the server. The grid passes require_open:
    a round being prepared takes no vote, as on the phones; tests and the
    demo seed rounds before opening them. The grid passes replace_phone
    only once the facilitator confirmed replacing a phone vote."""
    code = (code or "").strip().upper()
    with transaction.atomic():
        _check(round_, item, participant, code, require_open)
        stored = Vote.objects.filter(round=round_, item=item, participant=participant).first()
        if stored and stored.source == Vote.Source.PHONE and stored.code == code:
            return stored  # the phone's own colour again: it stays the phone's vote
        kept = vote_rules.keeps_phone_vote(
            stored.source if stored else None, stored.code if stored else None, code, replace_phone
        )
        if kept:
            raise PhoneVoteKept(kept, stored.code if stored else "")
        anonymous = {round_.pk} if round_.meeting.is_anonymous else ()
        store([(round_.pk, item.pk, participant.pk, code)], source, anonymous)
    return Vote.objects.filter(round=round_, item=item, participant=participant).first()


def _check(round_, item, participant, code, require_open):
    # Read the status inside the transaction: a round closed a moment ago wins.
    status, opens_at, closes_at = Round.objects.values_list(
        "status", "meeting__online_opens_at", "meeting__online_closes_at"
    ).get(pk=round_.pk)
    refused = vote_rules.participant_is_known(participant.meeting_id, round_.meeting_id) or vote_rules.refusal(
        status=status,
        round_id=round_.pk,
        item_id=item.pk,
        in_round=set(RoundItem.objects.filter(round=round_, item=item).values_list("round_id", "item_id")),
        code=code,
        scale_variant=round_.meeting.scale_variant,
        require_open=require_open,
        online=(participant.origin, opens_at, closes_at, timezone.now()) if require_open else None,
    )
    if refused:
        raise VoteRefused(refused)


def replay_log(round_) -> dict[tuple[int, int], str]:
    """The votes of a round as the log tells them: the last entry of each
    (item, participant) wins; an empty code means the cell was cleared."""
    cells: dict[tuple[int, int], str] = {}
    for item_id, participant_id, code in (
        VoteLog.objects.filter(round=round_).order_by("pk").values_list("item_id", "participant_id", "code")
    ):
        cells[item_id, participant_id] = code
    return {key: code for key, code in cells.items() if code}


def log_mismatches(round_) -> list[tuple[int, int, str | None, str | None]]:
    """(item, participant, in the log, stored) wherever the two disagree."""
    logged = replay_log(round_)
    stored = {
        (item_id, participant_id): code
        for item_id, participant_id, code in Vote.objects.filter(round=round_).values_list(
            "item_id", "participant_id", "code"
        )
    }
    return [
        (item, participant, logged.get((item, participant)), stored.get((item, participant)))
        for item, participant in sorted(logged.keys() | stored.keys())
        if logged.get((item, participant)) != stored.get((item, participant))
    ]


def cast_rows(round_, rows: list[str], source=Vote.Source.GRID, *, strict: bool = True) -> None:
    """Votes from rows of codes, as the demo and the tests write them: "VG G . RR"
    is one item of the round, one code per participant in the séance's order,
    "." for no vote. `strict`: the rows must fit the round exactly."""
    participants = list(round_.meeting.participants.all())
    entries = list(round_.round_items.select_related("item"))
    for entry, row in zip(entries, rows, strict=strict):
        for participant, code in zip(participants, row.split(), strict=strict):
            if code != ".":
                cast_vote(round_, entry.item, participant, code, source)
